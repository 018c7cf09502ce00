using Harness.Preprocessing;

namespace Harness.Scenarios;

/// <summary>
/// The model's input: its size (from the model's metadata when left unset), normalisation, channel order and letterbox.
/// </summary>
public sealed partial class ScenarioBuilder
{
    private InputDraft? _input;

    /// <summary>The model's input size in pixels; optional when the model's metadata gives it (imgsz).</summary>
    public ScenarioBuilder WithInput(int? width, int? height)
    {
        _input = (_input ?? InputDraft.Empty) with { Width = width, Height = height };
        return this;
    }

    /// <summary>pixel * scale, then (value - mean) / std per channel; a value left null keeps its default (1/255, 0, 1, RGB).</summary>
    public ScenarioBuilder WithNormalization(double? scale = null, IReadOnlyList<double>? mean = null, IReadOnlyList<double>? std = null, ChannelOrder? channelOrder = null)
    {
        var input = _input ?? InputDraft.Empty;
        _input = input with { Scale = scale ?? input.Scale, Mean = mean ?? input.Mean, Std = std ?? input.Std, Order = channelOrder ?? input.Order };
        return this;
    }

    /// <summary>Letterbox (keep the aspect ratio, pad) or stretch; a value left null keeps its default (letterbox, centred, pad 114).</summary>
    public ScenarioBuilder WithLetterbox(bool? letterbox = null, LetterboxPlacement? placement = null, int? padValue = null)
    {
        var input = _input ?? InputDraft.Empty;
        _input = input with { Letterbox = letterbox ?? input.Letterbox, Placement = placement ?? input.Placement, PadValue = padValue ?? input.PadValue };
        return this;
    }

    /// <summary>The resize (OpenCV's 8-bit one by default, or float) and how a letterbox makes the scaled size whole.</summary>
    public ScenarioBuilder WithResize(ResizeMethod? resize = null, SizeRounding? sizeRounding = null)
    {
        var input = _input ?? InputDraft.Empty;
        _input = input with { Resize = resize ?? input.Resize, SizeRounding = sizeRounding ?? input.SizeRounding };
        return this;
    }

    /// <summary>A known pipeline's settings (<c>model.input.preset</c>: ultralytics, yolox, rtdetr, torchvision); keys set beside it override it.</summary>
    public ScenarioBuilder WithPreset(string? preset)
    {
        _input = (_input ?? InputDraft.Empty) with { Preset = preset };
        return this;
    }

    private InputSpec? BuildInput(DescribedModel? described)
    {
        var input = _input ?? InputDraft.Empty;
        PreprocessPreset? preset = null;
        if (input.Preset is { } presetName && (preset = PreprocessPreset.Named(presetName)) is null)
        {
            Problem("model.input.preset", $"unknown preset '{presetName}' (expected one of: {string.Join(", ", PreprocessPreset.All.Select(p => p.Name))})");
        }

        var fromMetadata = described?.Metadata is { Width: { } w, Height: { } h } ? (Width: w, Height: h) : ((int Width, int Height)?)null;
        if (_input is null && fromMetadata is null)
        {
            Problem("model.input", "is required");
            return null;
        }

        var width = input.Width ?? fromMetadata?.Width;
        var height = input.Height ?? fromMetadata?.Height;
        if (width is null)
        {
            Problem("model.input.width", "is required");
        }
        else if (width is <= 0 or > 8192)
        {
            Problem("model.input.width", "must be between 1 and 8192");
        }

        if (height is null)
        {
            Problem("model.input.height", "is required");
        }
        else if (height is <= 0 or > 8192)
        {
            Problem("model.input.height", "must be between 1 and 8192");
        }

        if ((input.Width is not null || input.Height is not null) && fromMetadata is { } imgsz && (width != imgsz.Width || height != imgsz.Height))
        {
            Problem("model.input", $"width {width}, height {height}, but the metadata of '{described!.Path}' says imgsz width {imgsz.Width}, height {imgsz.Height}");
        }

        var letterbox = input.Letterbox ?? preset?.Letterbox ?? true;
        if (input.Placement is not null && !letterbox)
        {
            Problem("model.input.letterbox_placement", "has no effect with letterbox: false (the image is stretched to the whole input)");
        }

        var scale = input.Scale ?? preset?.Scale ?? 1.0 / 255.0;
        if (!(scale > 0))
        {
            Problem("model.input.scale", $"must be greater than 0, found {Number(scale)}");
        }

        var mean = input.Mean is null && preset is not null ? [.. preset.Mean] : Channels("model.input.mean", input.Mean, 0);
        var std = input.Std is null && preset is not null ? [.. preset.Std] : Channels("model.input.std", input.Std, 1);
        if (std.Any(s => !(s > 0)))
        {
            Problem("model.input.std", "every value must be positive");
        }

        var pad = input.PadValue ?? preset?.PadValue ?? 114;
        if (pad is < 0 or > 255)
        {
            Problem("model.input.pad_value", "must be between 0 and 255");
        }

        return width is null || height is null
            ? null
            : new InputSpec(width.Value, height.Value, letterbox, (float)scale, mean, std, (input.Order ?? preset?.Order) == ChannelOrder.Bgr, (byte)Math.Clamp(pad, 0, 255))
            {
                Placement = input.Placement ?? (letterbox ? preset?.Placement : null) ?? LetterboxPlacement.Center,
                Resize = input.Resize ?? preset?.Resize ?? ResizeMethod.EightBit,
                SizeRounding = input.SizeRounding ?? preset?.SizeRounding ?? SizeRounding.Round,
                Preset = preset?.Name,
            };
    }

    private float[] Channels(string field, IReadOnlyList<double>? values, float fallback)
    {
        if (values is null)
        {
            return [fallback, fallback, fallback];
        }

        if (values.Count != 3)
        {
            Problem(field, $"expected a list of 3 numbers, found {values.Count}");
            return [fallback, fallback, fallback];
        }

        return [.. values.Select(v => (float)v)];
    }

    private sealed record InputDraft(int? Width, int? Height, double? Scale, IReadOnlyList<double>? Mean, IReadOnlyList<double>? Std, ChannelOrder? Order,
        bool? Letterbox, LetterboxPlacement? Placement, int? PadValue)
    {
        public static readonly InputDraft Empty = new(null, null, null, null, null, null, null, null, null);

        public string? Preset { get; init; }

        public ResizeMethod? Resize { get; init; }

        public SizeRounding? SizeRounding { get; init; }
    }
}
