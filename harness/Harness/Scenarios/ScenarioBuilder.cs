using System.Globalization;
using System.Text.RegularExpressions;

namespace Harness.Scenarios;

/// <summary>
/// Builds a <see cref="Scenario"/> in code with the defaults and checks of a scenario file: the YAML loader reads a
/// file into one of these, so a scenario built here and the same scenario written as YAML are the same record, and
/// a value the file would reject is rejected here with the same message. Problems are collected, not thrown one by
/// one: <see cref="Build()"/> reports every one of them, each named by its YAML field (<c>model.input.width</c>).
/// </summary>
/// <example>
/// <code>
/// var scenario = new ScenarioBuilder("urban-day")
///     .WithTags("pr")
///     .WithClip("synthetic://urban-day?seed=7&amp;frames=300")
///     .WithModel("models/detector.onnx")
///     .WithLayout("yolov8")
///     .WithInput(640, 384)
///     .WithClasses("car", "pedestrian", "cyclist")
///     .WithGate("coco/AP50", maxDrop: new Tolerance(0.02, Relative: false))
///     .Build();
/// </code>
/// </example>
public sealed partial class ScenarioBuilder
{
    internal static readonly string[] KnownOptimizationLevels = ["disable", "basic", "extended", "all"];

    private readonly string? _id;
    private readonly List<FieldProblem> _problems = [];
    private string _description = "";
    private IReadOnlyList<string>? _tags;
    private string? _baselineId;
    private string? _sourcePath;
    private string? _baseDirectory;
    private ClipDraft? _clip;
    private string _camera = ClipSpec.DefaultCameraTopic;
    private string _truth = ClipSpec.DefaultTruthTopic;
    private string? _lidar;
    private string? _cameraInfo;
    private PostprocessDraft _postprocess = new(null, null, null, null);
    private SessionDraft _session = new(null, null, null);

    /// <param name="id">Lower-case letters, digits and dashes: it names the baseline file.</param>
    public ScenarioBuilder(string id)
    {
        _id = id;
    }

    /// <summary>The file the scenario came from, named in its messages; by default the scenario's id, as built in code.</summary>
    public ScenarioBuilder FromFile(string sourcePath)
    {
        _sourcePath = sourcePath;
        return this;
    }

    /// <summary>What relative clip and model paths resolve against; by default the current directory.</summary>
    public ScenarioBuilder RelativeTo(string baseDirectory)
    {
        _baseDirectory = baseDirectory;
        return this;
    }

    public ScenarioBuilder WithDescription(string description)
    {
        _description = description;
        return this;
    }

    /// <summary><c>pr</c>, <c>nightly</c> or <c>canary</c> (a known-bad model that runs only when asked for); at least one.</summary>
    public ScenarioBuilder WithTags(params IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        _tags = [.. tags];
        return this;
    }

    /// <summary>Compare with another scenario's baseline instead of this one's own (canaries do).</summary>
    public ScenarioBuilder WithBaseline(string baselineId)
    {
        _baselineId = baselineId;
        return this;
    }

    /// <param name="source">A <c>synthetic://</c> URI, a file or folder path, or a <c>file://</c> URI.</param>
    /// <param name="sha256">The clip's pinned hash, checked before it replays.</param>
    public ScenarioBuilder WithClip(string? source, string? sha256 = null)
    {
        _clip = new ClipDraft(source, sha256);
        return this;
    }

    /// <summary>The topics (channels) that carry the camera, the truth, the lidar and the ROS 2 camera info.</summary>
    public ScenarioBuilder WithTopics(string? camera = null, string? truth = null, string? lidar = null, string? cameraInfo = null)
    {
        _camera = camera ?? _camera;
        _truth = truth ?? _truth;
        _lidar = lidar ?? _lidar;
        _cameraInfo = cameraInfo ?? _cameraInfo;
        return this;
    }

    /// <summary>The operating point; a value left null keeps its default (score 0.25, IoU 0.45, 300 detections, per class).</summary>
    public ScenarioBuilder WithPostprocess(double? scoreThreshold = null, double? iouThreshold = null, int? maxDetections = null, bool? classAgnostic = null)
    {
        _postprocess = new PostprocessDraft(scoreThreshold ?? _postprocess.Score, iouThreshold ?? _postprocess.Iou,
            maxDetections ?? _postprocess.Max, classAgnostic ?? _postprocess.Agnostic);
        return this;
    }

    /// <summary>ONNX Runtime settings; a value left null keeps its default (1 intra-op thread, optimization <c>all</c>, deterministic).</summary>
    /// <param name="optimization"><c>disable</c>, <c>basic</c>, <c>extended</c> or <c>all</c>.</param>
    public ScenarioBuilder WithSession(int? intraOpThreads = null, string? optimization = null, bool? deterministic = null)
    {
        _session = new SessionDraft(intraOpThreads ?? _session.Threads, optimization ?? _session.Optimization, deterministic ?? _session.Deterministic);
        return this;
    }

    /// <summary>The scenario, or every problem found at once.</summary>
    /// <exception cref="ScenarioValidationException">Something is missing or out of range; each problem names its YAML field.</exception>
    public Scenario Build()
    {
        var file = SourcePath;
        var errors = new List<ValidationError>();
        return Build(field => (file, 0, 0), errors) ?? throw new ScenarioValidationException(errors);
    }

    /// <summary>The scenario, or null with every problem added to <paramref name="errors"/>, each placed by <paramref name="locate"/>.</summary>
    internal Scenario? Build(Func<string, (string File, int Line, int Column)> locate, List<ValidationError> errors)
    {
        _problems.Clear();
        var baseDirectory = _baseDirectory ?? Directory.GetCurrentDirectory();
        if (string.IsNullOrEmpty(_id))
        {
            Problem("id", "is required");
        }
        else if (!IdPattern().IsMatch(_id))
        {
            Problem("id", $"'{_id}' must be lower-case letters, digits and dashes (it names the baseline file)");
        }

        CheckTags();
        var clip = BuildClip(baseDirectory);
        var model = BuildModel(baseDirectory);
        var postprocess = BuildPostprocess();
        var gates = _gates.Select((gate, index) => BuildGate(gate, $"gates[{index}]", model?.Classes.EvaluationClasses)).ToList();
        CheckMinSupport();
        foreach (var problem in _problems)
        {
            var (file, line, column) = locate(problem.Field);
            errors.Add(new ValidationError(file, line, column, problem.Field, problem.Message));
        }

        return _problems.Count > 0 || clip is null || model is null
            ? null
            : new Scenario(_id!, _description, _tags!, clip, model, postprocess, gates!, SourcePath, _baselineId) { MinSupport = _minSupport };
    }

    private string SourcePath => _sourcePath ?? $"scenario '{_id}'";

    private void Problem(string field, string message) => _problems.Add(new FieldProblem(field, message));

    private void CheckTags()
    {
        if (_tags is null || _tags.Count == 0)
        {
            Problem("tags", "is required");
            return;
        }

        foreach (var tag in _tags.Where(t => !ScenarioTags.IsWellFormed(t)))
        {
            Problem("tags", $"'{tag}' is not a tag: lower-case letters, digits and single hyphens ({string.Join(", ", ScenarioTags.Runs)} choose the runs; any other word is the team's own)");
        }
    }

    private ClipSpec? BuildClip(string baseDirectory)
    {
        if (_clip is null)
        {
            Problem("clip", "is required");
            return null;
        }

        var source = ResolveSource("clip.source", _clip.Source, baseDirectory, SyntheticScheme);
        var sha = CheckSha("clip.sha256", _clip.Sha256);
        return source is null ? null : new ClipSpec(source, sha, _camera, _truth, _lidar, _cameraInfo);
    }

    private PostprocessSpec BuildPostprocess()
    {
        var score = _postprocess.Score ?? 0.25;
        var iou = _postprocess.Iou ?? 0.45;
        var max = _postprocess.Max ?? 300;
        if (score is < 0 or > 1 || double.IsNaN(score))
        {
            Problem("postprocess.score_threshold", $"must be between 0 and 1, found {Number(score)}");
        }

        if (iou is <= 0 or > 1 || double.IsNaN(iou))
        {
            Problem("postprocess.iou_threshold", $"must be greater than 0 and at most 1, found {Number(iou)}");
        }

        if (max <= 0)
        {
            Problem("postprocess.max_detections", "must be positive");
        }

        return new PostprocessSpec((float)score, (float)iou, max, _postprocess.Agnostic ?? false);
    }

    private SessionSpec BuildSession()
    {
        var threads = _session.Threads ?? 1;
        if (threads is < 0 or > 256)
        {
            Problem("model.session.intra_op_threads", "must be between 0 (runtime default) and 256");
        }

        var level = _session.Optimization ?? "all";
        if (!KnownOptimizationLevels.Contains(level, StringComparer.Ordinal))
        {
            Problem("model.session.optimization", $"unknown value '{level}' (expected one of: {string.Join(", ", KnownOptimizationLevels)})");
        }

        return new SessionSpec(threads, level, _session.Deterministic ?? true);
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    private sealed record FieldProblem(string Field, string Message);

    private sealed record ClipDraft(string? Source, string? Sha256);

    private sealed record PostprocessDraft(double? Score, double? Iou, int? Max, bool? Agnostic);

    private sealed record SessionDraft(int? Threads, string? Optimization, bool? Deterministic);
}
