using System.Text.RegularExpressions;
using Harness.Postprocessing.Layouts;
using Harness.Preprocessing;

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
    private readonly string? _id;
    private string _description = "";
    private IReadOnlyList<string>? _tags;
    private string? _baselineId;
    private string? _sourcePath;
    private string? _baseDirectory;
    private readonly ClipSectionBuilder _clip = new();
    private readonly ModelSectionBuilder _model = new();
    private readonly PostprocessSectionBuilder _postprocess = new();
    private readonly StreamingSectionBuilder _streaming = new();
    private readonly GatesSectionBuilder _gates = new();

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
        _clip.SetSource(source, sha256);
        return this;
    }

    /// <summary>The topics (channels) that carry the camera, the truth, the lidar and the ROS 2 camera info.</summary>
    public ScenarioBuilder WithTopics(string? camera = null, string? truth = null, string? lidar = null, string? cameraInfo = null)
    {
        _clip.SetTopics(camera, truth, lidar, cameraInfo);
        return this;
    }

    /// <param name="source">A <c>reference://</c> URI, an ONNX file path, or a <c>file://</c> URI.</param>
    /// <param name="sha256">The model's pinned hash, checked before it loads.</param>
    public ScenarioBuilder WithModel(string? source, string? sha256 = null)
    {
        _model.SetSource(source, sha256);
        return this;
    }

    /// <summary>The output layout by its registered name (<see cref="OutputLayouts.Names"/>); optional when the model's metadata decides it.</summary>
    public ScenarioBuilder WithLayout(string layout)
    {
        _model.SetLayout(layout);
        return this;
    }

    /// <summary>One of the chosen layout's own settings (<see cref="OutputLayout.Settings"/>), by its YAML key.</summary>
    public ScenarioBuilder WithLayoutSetting(string key, params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _model.SetLayoutSetting(key, [.. values]);
        return this;
    }

    /// <summary>The model's input size in pixels; optional when the model's metadata gives it (imgsz).</summary>
    public ScenarioBuilder WithInput(int? width, int? height)
    {
        _model.Input.SetSize(width, height);
        return this;
    }

    /// <summary>pixel * scale, then (value - mean) / std per channel; a value left null keeps its default (1/255, 0, 1, RGB).</summary>
    public ScenarioBuilder WithNormalization(double? scale = null, IReadOnlyList<double>? mean = null, IReadOnlyList<double>? std = null, ChannelOrder? channelOrder = null)
    {
        _model.Input.SetNormalization(scale, mean, std, channelOrder);
        return this;
    }

    /// <summary>Letterbox (keep the aspect ratio, pad) or stretch; a value left null keeps its default (letterbox, centred, pad 114).</summary>
    public ScenarioBuilder WithLetterbox(bool? letterbox = null, LetterboxPlacement? placement = null, int? padValue = null)
    {
        _model.Input.SetLetterbox(letterbox, placement, padValue);
        return this;
    }

    /// <summary>The resize (OpenCV's 8-bit one by default, or float) and how a letterbox makes the scaled size whole.</summary>
    public ScenarioBuilder WithResize(ResizeMethod? resize = null, SizeRounding? sizeRounding = null)
    {
        _model.Input.SetResize(resize, sizeRounding);
        return this;
    }

    /// <summary>A known pipeline's settings (<c>model.input.preset</c>: ultralytics, yolox, rtdetr, torchvision); keys set beside it override it.</summary>
    public ScenarioBuilder WithPreset(string? preset)
    {
        _model.Input.SetPreset(preset);
        return this;
    }

    /// <summary>The model's classes in output order; optional when the model's metadata names them.</summary>
    public ScenarioBuilder WithClasses(params IEnumerable<string> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        _model.SetClasses([.. classes]);
        return this;
    }

    /// <summary>Model classes and truth labels counted as one evaluation class (<c>car, truck, bus -> vehicle</c>).</summary>
    public ScenarioBuilder WithClassMap(string evaluationClass, params IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _model.AddClassMap(evaluationClass, [.. names]);
        return this;
    }

    /// <summary>Model classes whose detections are dropped and truth labels that are ignore regions.</summary>
    public ScenarioBuilder WithIgnored(params IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _model.SetIgnored([.. names]);
        return this;
    }

    /// <summary>
    /// Which classes are evaluated: by default <see cref="ClassEvaluation.All"/>; <see cref="ClassEvaluation.Mapped"/>
    /// evaluates the class map's keys alone, detections of other model classes dropped and truth that reaches no key
    /// left out (an 80-class model on a 3-class clip). Mapped without a class map is a problem of <c>model.evaluate</c>.
    /// </summary>
    public ScenarioBuilder WithEvaluate(ClassEvaluation evaluate)
    {
        _model.SetEvaluate(evaluate);
        return this;
    }

    /// <summary>ONNX Runtime settings; a value left null keeps its default (1 intra-op thread, optimization <c>all</c>, deterministic).</summary>
    /// <param name="optimization"><c>disable</c>, <c>basic</c>, <c>extended</c> or <c>all</c>.</param>
    public ScenarioBuilder WithSession(int? intraOpThreads = null, string? optimization = null, bool? deterministic = null)
    {
        _model.Session.Set(intraOpThreads, optimization, deterministic);
        return this;
    }

    /// <summary>The operating point; a value left null keeps its default (score 0.25, IoU 0.45, 300 detections, per class).</summary>
    public ScenarioBuilder WithPostprocess(double? scoreThreshold = null, double? iouThreshold = null, int? maxDetections = null, bool? classAgnostic = null)
    {
        _postprocess.Set(scoreThreshold, iouThreshold, maxDetections, classAgnostic);
        return this;
    }

    /// <summary>
    /// The target hardware's latency for one frame through the model, in milliseconds: the streaming metrics
    /// (<c>streaming/AP</c>, docs/metrics.md) replay the clip at its recorded times with it. Without it they are not computed.
    /// </summary>
    public ScenarioBuilder WithStreaming(double latencyMs)
    {
        _streaming.Set(latencyMs);
        return this;
    }

    /// <summary>
    /// A gate on one metric: absolute bounds, and the allowed move against the baseline in the metric's worse
    /// direction (<paramref name="maxDrop"/> for higher-is-better metrics, <paramref name="maxIncrease"/> otherwise).
    /// </summary>
    public ScenarioBuilder WithGate(string? metric, double? min = null, double? max = null, Tolerance? maxDrop = null, Tolerance? maxIncrease = null,
        RunKind when = RunKind.Always, DecisionRule decide = DecisionRule.SureRegression)
    {
        _gates.Add(metric, min, max, maxDrop, maxIncrease, when, decide);
        return this;
    }

    /// <summary>
    /// The fewest truth objects (or, for <c>fp_per_frame</c>, frames) a gated metric may be computed over; below it the
    /// gate cannot be resolved and the scenario is an error. Without it the suite's <c>min_support</c> applies.
    /// </summary>
    public ScenarioBuilder WithMinSupport(int? minSupport)
    {
        _gates.MinSupport = minSupport;
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
        var problems = new FieldProblems();
        var sources = new ScenarioSources(_baseDirectory ?? Directory.GetCurrentDirectory(), problems);
        if (string.IsNullOrEmpty(_id))
        {
            problems.Add("id", "is required");
        }
        else if (!IdPattern().IsMatch(_id))
        {
            problems.Add("id", $"'{_id}' must be lower-case letters, digits and dashes (it names the baseline file)");
        }

        CheckTags(problems);
        var clip = _clip.Build(sources, problems);
        var model = _model.Build(sources, problems);
        var postprocess = _postprocess.Build(problems);
        var streaming = _streaming.Build(problems);
        var gates = _gates.Build(model?.Classes.EvaluationClasses, _streaming.Declared, problems);
        foreach (var problem in problems.All)
        {
            var (file, line, column) = locate(problem.Field);
            errors.Add(new ValidationError(file, line, column, problem.Field, problem.Message));
        }

        return problems.Count > 0 || clip is null || model is null
            ? null
            : new Scenario(_id!, _description, _tags!, clip, model, postprocess, gates!, SourcePath, _baselineId) { MinSupport = _gates.MinSupport, Streaming = streaming };
    }

    private string SourcePath => _sourcePath ?? $"scenario '{_id}'";

    private void CheckTags(FieldProblems problems)
    {
        if (_tags is null || _tags.Count == 0)
        {
            problems.Add("tags", "is required");
            return;
        }

        foreach (var tag in _tags.Where(t => !ScenarioTags.IsWellFormed(t)))
        {
            problems.Add("tags", $"'{tag}' is not a tag: lower-case letters, digits and single hyphens ({string.Join(", ", ScenarioTags.Runs)} choose the runs; any other word is the team's own)");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
