using Harness.Inference;
using Harness.Postprocessing.Layouts;

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
    private IReadOnlyList<string>? _classes;
    private readonly List<KeyValuePair<string, IReadOnlyList<string>>> _merges = [];
    private IReadOnlyList<string> _ignored = [];
    private ClassEvaluation _evaluate = ClassEvaluation.All;

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

    /// <summary>
    /// Which classes are evaluated: by default <see cref="ClassEvaluation.All"/>; <see cref="ClassEvaluation.Mapped"/>
    /// evaluates the class map's keys alone, detections of other model classes dropped and truth that reaches no key
    /// left out (an 80-class model on a 3-class clip). Mapped without a class map is a problem of <c>model.evaluate</c>.
    /// </summary>
    public ScenarioBuilder WithEvaluate(ClassEvaluation evaluate)
    {
        _evaluate = evaluate;
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
        var map = ClassMap.TryCreate(classes, _merges, _ignored, _evaluate, problems);
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
}
