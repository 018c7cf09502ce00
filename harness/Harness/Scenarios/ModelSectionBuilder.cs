using Harness.Postprocessing.Layouts;

namespace Harness.Scenarios;

/// <summary>
/// The model section: the detector, its output layout and settings, its input and session, and its classes. A model
/// that describes itself (<see cref="DescribedModel"/>) fills the layout, input size and classes left unset, and a
/// value set differently from its metadata is an error naming both.
/// </summary>
internal sealed class ModelSectionBuilder
{
    private ModelDraft? _model;
    private string? _layout;
    private readonly List<KeyValuePair<string, IReadOnlyList<string>>> _layoutSettings = [];
    private IReadOnlyList<string>? _classes;
    private readonly List<KeyValuePair<string, IReadOnlyList<string>>> _merges = [];
    private IReadOnlyList<string> _ignored = [];
    private ClassEvaluation _evaluate = ClassEvaluation.All;

    public InputSectionBuilder Input { get; } = new();

    public SessionSectionBuilder Session { get; } = new();

    public void SetSource(string? source, string? sha256) => _model = new ModelDraft(source, sha256);

    public void SetLayout(string layout) => _layout = layout;

    public void SetLayoutSetting(string key, IReadOnlyList<string> values)
    {
        _layoutSettings.RemoveAll(s => s.Key == key);
        _layoutSettings.Add(new(key, values));
    }

    public void SetClasses(IReadOnlyList<string> classes) => _classes = classes;

    public void AddClassMap(string evaluationClass, IReadOnlyList<string> names) => _merges.Add(new(evaluationClass, names));

    public void SetIgnored(IReadOnlyList<string> names) => _ignored = names;

    public void SetEvaluate(ClassEvaluation evaluate) => _evaluate = evaluate;

    public ModelSpec? Build(ScenarioSources sources, FieldProblems problems)
    {
        if (_model is null)
        {
            problems.Add("model", "is required");
            return null;
        }

        var source = sources.Resolve("model.source", _model.Source, ScenarioSources.ReferenceScheme);
        var sha = sources.CheckSha("model.sha256", _model.Sha256);
        var described = DescribedModel.Read(source);
        var layout = _layout is null ? LayoutFromMetadata(described, problems) : OutputLayouts.Find(_layout);
        if (_layout is not null && layout is null)
        {
            problems.Add("model.layout", $"unknown layout '{_layout}' (expected one of: {string.Join(", ", OutputLayouts.Names)})");
        }

        var layoutSettings = BuildLayoutSettings(layout, problems);
        var input = Input.Build(described, problems);
        var classes = BuildClasses(described, problems);
        var session = Session.Build(problems);
        return source is null || layout is null || input is null || layoutSettings is null || classes is null
            ? null
            : new ModelSpec(source, sha, layout, input, classes, session) { LayoutSettings = layoutSettings };
    }

    /// <summary>A setting that belongs only to other layouts is an error naming them, never silently ignored.</summary>
    private LayoutSettings? BuildLayoutSettings(OutputLayout? layout, FieldProblems problems)
    {
        var settings = layout?.DefaultSettings;
        var own = layout?.Settings.ToDictionary(s => s.Key, StringComparer.Ordinal) ?? [];
        foreach (var (key, values) in _layoutSettings)
        {
            if (own.TryGetValue(key, out var setting))
            {
                if (setting.Canonical(values) is null)
                {
                    problems.Add($"model.{key}", $"expected {setting.Expected}, found '{string.Join(", ", values)}'");
                    continue;
                }

                settings = settings!.With(key, [.. values]);
                continue;
            }

            var owners = OutputLayouts.All.Where(l => l.Settings.Any(s => s.Key == key)).Select(l => l.Name).ToList();
            if (layout is not null)
            {
                problems.Add($"model.{key}", owners.Count > 0
                    ? $"is a setting of layout {string.Join(", ", owners)}, not of {layout.Name}"
                    : $"is not a setting of layout {layout.Name}");
            }
        }

        return settings;
    }

    private ClassMap? BuildClasses(DescribedModel? described, FieldProblems problems)
    {
        var names = described?.Metadata.Names;
        var classes = _classes ?? names;
        if (classes is null)
        {
            problems.Add("model.classes", "is required");
            return null;
        }

        if (_classes is not null && names is not null && !_classes.SequenceEqual(names, StringComparer.Ordinal))
        {
            problems.Add("model.classes", $"[{string.Join(", ", _classes)}], but the metadata of '{described!.Path}' names [{string.Join(", ", names)}]");
        }

        var mapProblems = new List<ClassMapProblem>();
        var map = ClassMap.TryCreate(classes, _merges, _ignored, _evaluate, mapProblems);
        foreach (var problem in mapProblems)
        {
            problems.Add(problem.Key is { } key ? $"model.{ClassMapProblem.ClassMapField}.{key}" : $"model.{problem.Field}", problem.Message);
        }

        return map;
    }

    private static OutputLayout? LayoutFromMetadata(DescribedModel? described, FieldProblems problems)
    {
        if (described is null)
        {
            problems.Add("model.layout", "is required");
            return null;
        }

        var (metadata, description) = (described.Metadata, described.Description);
        var (width, height) = description.FixedInputSize is { } size ? size : (metadata.Width, metadata.Height);
        var candidates = LayoutRecognizer.Candidates(description, width, height, metadata.Names?.Count, metadata.EndToEnd);
        if (candidates.Count == 1)
        {
            return candidates[0].Layout;
        }

        problems.Add("model.layout", candidates.Count == 0
            ? $"is required: no registered layout fits the outputs of '{described.Path}'"
            : $"is required: the outputs of '{described.Path}' fit {string.Join(", ", candidates.Select(c => c.Layout.Name))}");
        return null;
    }

    private sealed record ModelDraft(string? Source, string? Sha256);
}
