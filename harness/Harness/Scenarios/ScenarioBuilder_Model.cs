using Harness.Inference;
using Harness.Postprocessing.Layouts;
using Harness.Preprocessing;

namespace Harness.Scenarios;

/// <summary>
/// The model section: the detector, its output layout and settings, its input and its classes. A model that
/// describes itself (Ultralytics' ONNX metadata: names, imgsz) fills the layout, input size and classes left unset,
/// and a value set differently from its metadata is an error naming both.
/// </summary>
public sealed partial class ScenarioBuilder
{
    private ModelDraft? _model;
    private string? _layout;
    private readonly List<KeyValuePair<string, IReadOnlyList<string>>> _layoutSettings = [];
    private InputDraft? _input;
    private IReadOnlyList<string>? _classes;
    private readonly List<KeyValuePair<string, IReadOnlyList<string>>> _merges = [];
    private IReadOnlyList<string> _ignored = [];

    /// <param name="source">A <c>reference://</c> URI, an ONNX file path, or a <c>file://</c> URI.</param>
    /// <param name="sha256">The model's pinned hash, checked before it loads.</param>
    public ScenarioBuilder WithModel(string? source, string? sha256 = null)
    {
        _model = new ModelDraft(source, sha256);
        return this;
    }

    /// <summary>The output layout by its registered name (<see cref="OutputLayouts.Names"/>); optional when the model's metadata decides it.</summary>
    public ScenarioBuilder WithLayout(string layout)
    {
        _layout = layout;
        return this;
    }

    /// <summary>One of the chosen layout's own settings (<see cref="OutputLayout.Settings"/>), by its YAML key.</summary>
    public ScenarioBuilder WithLayoutSetting(string key, params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _layoutSettings.RemoveAll(s => s.Key == key);
        _layoutSettings.Add(new(key, [.. values]));
        return this;
    }

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

    /// <summary>The model's classes in output order; optional when the model's metadata names them.</summary>
    public ScenarioBuilder WithClasses(params IEnumerable<string> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        _classes = [.. classes];
        return this;
    }

    /// <summary>Model classes and truth labels counted as one evaluation class (<c>car, truck, bus -> vehicle</c>).</summary>
    public ScenarioBuilder WithClassMap(string evaluationClass, params IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _merges.Add(new(evaluationClass, [.. names]));
        return this;
    }

    /// <summary>Model classes whose detections are dropped and truth labels that are ignore regions.</summary>
    public ScenarioBuilder WithIgnored(params IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _ignored = [.. names];
        return this;
    }

    private ModelSpec? BuildModel(string baseDirectory)
    {
        if (_model is null)
        {
            Problem("model", "is required");
            return null;
        }

        var source = ResolveSource("model.source", _model.Source, baseDirectory, ReferenceScheme);
        var sha = CheckSha("model.sha256", _model.Sha256);
        var described = Describe(source);
        var layout = _layout is null ? LayoutFromMetadata(described) : OutputLayouts.Find(_layout);
        if (_layout is not null && layout is null)
        {
            Problem("model.layout", $"unknown layout '{_layout}' (expected one of: {string.Join(", ", OutputLayouts.Names)})");
        }

        var layoutSettings = BuildLayoutSettings(layout);
        var input = BuildInput(described);
        var classes = BuildClasses(described);
        var session = BuildSession();
        return source is null || layout is null || input is null || layoutSettings is null || classes is null
            ? null
            : new ModelSpec(source, sha, layout, input, classes, session) { LayoutSettings = layoutSettings };
    }

    /// <summary>A setting that belongs only to other layouts is an error naming them, never silently ignored.</summary>
    private LayoutSettings? BuildLayoutSettings(OutputLayout? layout)
    {
        var settings = layout?.DefaultSettings;
        var own = layout?.Settings.ToDictionary(s => s.Key, StringComparer.Ordinal) ?? [];
        foreach (var (key, values) in _layoutSettings)
        {
            if (own.TryGetValue(key, out var setting))
            {
                if (setting.Canonical(values) is null)
                {
                    Problem($"model.{key}", $"expected {setting.Expected}, found '{string.Join(", ", values)}'");
                    continue;
                }

                settings = settings!.With(key, [.. values]);
                continue;
            }

            var owners = OutputLayouts.All.Where(l => l.Settings.Any(s => s.Key == key)).Select(l => l.Name).ToList();
            if (layout is not null)
            {
                Problem($"model.{key}", owners.Count > 0
                    ? $"is a setting of layout {string.Join(", ", owners)}, not of {layout.Name}"
                    : $"is not a setting of layout {layout.Name}");
            }
        }

        return settings;
    }

    private InputSpec? BuildInput(DescribedModel? described)
    {
        var input = _input ?? InputDraft.Empty;
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

        var letterbox = input.Letterbox ?? true;
        if (input.Placement is not null && !letterbox)
        {
            Problem("model.input.letterbox_placement", "has no effect with letterbox: false (the image is stretched to the whole input)");
        }

        var scale = input.Scale ?? 1.0 / 255.0;
        if (!(scale > 0))
        {
            Problem("model.input.scale", $"must be greater than 0, found {Number(scale)}");
        }

        var mean = Channels("model.input.mean", input.Mean, 0);
        var std = Channels("model.input.std", input.Std, 1);
        if (std.Any(s => !(s > 0)))
        {
            Problem("model.input.std", "every value must be positive");
        }

        var pad = input.PadValue ?? 114;
        if (pad is < 0 or > 255)
        {
            Problem("model.input.pad_value", "must be between 0 and 255");
        }

        return width is null || height is null
            ? null
            : new InputSpec(width.Value, height.Value, letterbox, (float)scale, mean, std, input.Order == ChannelOrder.Bgr, (byte)Math.Clamp(pad, 0, 255))
            {
                Placement = input.Placement ?? LetterboxPlacement.Center,
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

    private ClassMap? BuildClasses(DescribedModel? described)
    {
        var names = described?.Metadata.Names;
        var classes = _classes ?? names;
        if (classes is null)
        {
            Problem("model.classes", "is required");
            return null;
        }

        if (_classes is not null && names is not null && !_classes.SequenceEqual(names, StringComparer.Ordinal))
        {
            Problem("model.classes", $"[{string.Join(", ", _classes)}], but the metadata of '{described!.Path}' names [{string.Join(", ", names)}]");
        }

        var problems = new List<ClassMapProblem>();
        var map = ClassMap.TryCreate(classes, _merges, _ignored, problems);
        foreach (var problem in problems)
        {
            Problem(problem.Key is { } key ? $"model.{ClassMapProblem.ClassMapField}.{key}" : $"model.{problem.Field}", problem.Message);
        }

        return map;
    }

    private OutputLayout? LayoutFromMetadata(DescribedModel? described)
    {
        if (described is null)
        {
            Problem("model.layout", "is required");
            return null;
        }

        var (metadata, description) = (described.Metadata, described.Description);
        var (width, height) = description.FixedInputSize is { } size ? size : (metadata.Width, metadata.Height);
        var candidates = LayoutRecognizer.Candidates(description, width, height, metadata.Names?.Count, metadata.EndToEnd);
        if (candidates.Count == 1)
        {
            return candidates[0].Layout;
        }

        Problem("model.layout", candidates.Count == 0
            ? $"is required: no registered layout fits the outputs of '{described.Path}'"
            : $"is required: the outputs of '{described.Path}' fit {string.Join(", ", candidates.Select(c => c.Layout.Name))}");
        return null;
    }

    private static DescribedModel? Describe(string? source)
    {
        if (source is null || source.StartsWith(ReferenceScheme, StringComparison.Ordinal) || !File.Exists(source))
        {
            return null;
        }

        try
        {
            var description = ModelDescription.Read(source);
            return UltralyticsMetadata.From(description) is { } metadata ? new DescribedModel(source, description, metadata) : null;
        }
        catch (DetectorModelException)
        {
            // An unreadable model fails its own scenario when it runs, with the runtime's message; building goes on.
            return null;
        }
    }

    private sealed record DescribedModel(string Path, ModelDescription Description, UltralyticsMetadata Metadata);

    private sealed record ModelDraft(string? Source, string? Sha256);

    private sealed record InputDraft(int? Width, int? Height, double? Scale, IReadOnlyList<double>? Mean, IReadOnlyList<double>? Std, ChannelOrder? Order,
        bool? Letterbox, LetterboxPlacement? Placement, int? PadValue)
    {
        public static readonly InputDraft Empty = new(null, null, null, null, null, null, null, null, null);
    }
}
