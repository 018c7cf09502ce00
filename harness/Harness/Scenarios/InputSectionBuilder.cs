using System.Globalization;
using Harness.Preprocessing;

namespace Harness.Scenarios;

/// <summary>
/// The model's input section: its size (from the model's metadata when left unset), normalisation, channel order and
/// letterbox, a preset's settings filling what is left unset.
/// </summary>
internal sealed class InputSectionBuilder
{
    private InputDraft? _input;

    public void SetSize(int? width, int? height) => _input = (_input ?? InputDraft.Empty) with { Width = width, Height = height };

    public void SetNormalization(double? scale, IReadOnlyList<double>? mean, IReadOnlyList<double>? std, ChannelOrder? channelOrder)
    {
        var input = _input ?? InputDraft.Empty;
        _input = input with { Scale = scale ?? input.Scale, Mean = mean ?? input.Mean, Std = std ?? input.Std, Order = channelOrder ?? input.Order };
    }

    public void SetLetterbox(bool? letterbox, LetterboxPlacement? placement, int? padValue)
    {
        var input = _input ?? InputDraft.Empty;
        _input = input with { Letterbox = letterbox ?? input.Letterbox, Placement = placement ?? input.Placement, PadValue = padValue ?? input.PadValue };
    }

    public void SetResize(ResizeMethod? resize, SizeRounding? sizeRounding)
    {
        var input = _input ?? InputDraft.Empty;
        _input = input with { Resize = resize ?? input.Resize, SizeRounding = sizeRounding ?? input.SizeRounding };
    }

    public void SetPreset(string? preset) => _input = (_input ?? InputDraft.Empty) with { Preset = preset };

    public InputSpec? Build(DescribedModel? described, FieldProblems problems)
    {
        var input = _input ?? InputDraft.Empty;
        PreprocessPreset? preset = null;
        if (input.Preset is { } presetName && (preset = PreprocessPreset.Named(presetName)) is null)
        {
            problems.Add("model.input.preset", $"unknown preset '{presetName}' (expected one of: {string.Join(", ", PreprocessPreset.All.Select(p => p.Name))})");
        }

        var fromMetadata = described?.Metadata is { Width: { } w, Height: { } h } ? (Width: w, Height: h) : ((int Width, int Height)?)null;
        if (_input is null && fromMetadata is null)
        {
            problems.Add("model.input", "is required");
            return null;
        }

        var width = input.Width ?? fromMetadata?.Width;
        var height = input.Height ?? fromMetadata?.Height;
        if (width is null)
        {
            problems.Add("model.input.width", "is required");
        }
        else if (width is <= 0 or > 8192)
        {
            problems.Add("model.input.width", "must be between 1 and 8192");
        }

        if (height is null)
        {
            problems.Add("model.input.height", "is required");
        }
        else if (height is <= 0 or > 8192)
        {
            problems.Add("model.input.height", "must be between 1 and 8192");
        }

        if ((input.Width is not null || input.Height is not null) && fromMetadata is { } imgsz && (width != imgsz.Width || height != imgsz.Height))
        {
            problems.Add("model.input", $"width {width}, height {height}, but the metadata of '{described!.Path}' says imgsz width {imgsz.Width}, height {imgsz.Height}");
        }

        var letterbox = input.Letterbox ?? preset?.Letterbox ?? true;
        if (input.Placement is not null && !letterbox)
        {
            problems.Add("model.input.letterbox_placement", "has no effect with letterbox: false (the image is stretched to the whole input)");
        }

        var scale = input.Scale ?? preset?.Scale ?? 1.0 / 255.0;
        if (!(scale > 0))
        {
            problems.Add("model.input.scale", string.Create(CultureInfo.InvariantCulture, $"must be greater than 0, found {scale}"));
        }

        var mean = input.Mean is null && preset is not null ? [.. preset.Mean] : Channels("model.input.mean", input.Mean, 0, problems);
        var std = input.Std is null && preset is not null ? [.. preset.Std] : Channels("model.input.std", input.Std, 1, problems);
        if (std.Any(s => !(s > 0)))
        {
            problems.Add("model.input.std", "every value must be positive");
        }

        var pad = input.PadValue ?? preset?.PadValue ?? 114;
        if (pad is < 0 or > 255)
        {
            problems.Add("model.input.pad_value", "must be between 0 and 255");
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

    private static float[] Channels(string field, IReadOnlyList<double>? values, float fallback, FieldProblems problems)
    {
        if (values is null)
        {
            return [fallback, fallback, fallback];
        }

        if (values.Count != 3)
        {
            problems.Add(field, $"expected a list of 3 numbers, found {values.Count}");
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
