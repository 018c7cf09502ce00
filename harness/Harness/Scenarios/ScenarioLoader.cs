using System.Text.RegularExpressions;
using Harness.Postprocessing.Layouts;

namespace Harness.Scenarios;

/// <summary>
/// Loads scenario YAML into immutable <see cref="Scenario"/> records. Every problem in a file is collected and
/// reported together (file, line, column, field) before anything runs.
/// </summary>
public static partial class ScenarioLoader
{
    public const string PullRequestTag = "pr";
    public const string NightlyTag = "nightly";
    public const string CanaryTag = "canary";

    /// <summary>rosbag2's name for a bag's metadata; the Clips stage owns the format, this stage only steps around it.</summary>
    private const string RosbagMetadataFile = "metadata.yaml";

    private static readonly string[] KnownTags = [PullRequestTag, NightlyTag, CanaryTag];
    private static readonly string[] KnownOptimizationLevels = ["disable", "basic", "extended", "all"];

    /// <summary>
    /// Loads every <c>*.yaml</c> in <paramref name="directory"/> and its sub-folders but the suite's
    /// <c>defaults.yaml</c> (see <see cref="GateDefaultsLoader"/>) and the <c>metadata.yaml</c> of ROS 2 bags kept
    /// beside the scenarios, failing on any file that does not load and on duplicate ids.
    /// </summary>
    public static IReadOnlyList<Scenario> LoadDirectory(string directory)
    {
        var set = LoadEach(directory);
        return set.Failures.Count > 0 ? throw new ScenarioValidationException([.. set.Failures.SelectMany(f => f.Errors)]) : set.Scenarios;
    }

    /// <summary>
    /// Loads every scenario file of <paramref name="directory"/> on its own: a file that does not load, for any
    /// reason, is a <see cref="ScenarioLoadFailure"/> and never stops the others. Of two files with one id, the later
    /// in path order fails.
    /// </summary>
    /// <exception cref="ScenarioValidationException">The directory does not exist.</exception>
    public static ScenarioSet LoadEach(string directory) => LoadEach(directory, LoadFile);

    /// <param name="loadFile">Loads one file; a test passes one that fails to show a failure stays with its file.</param>
    internal static ScenarioSet LoadEach(string directory, Func<string, Scenario> loadFile)
    {
        if (!Directory.Exists(directory))
        {
            throw new ScenarioValidationException([new ValidationError(directory, 0, 0, "", "scenario directory does not exist")]);
        }

        var failures = new List<ScenarioLoadFailure>();
        var scenarios = new List<Scenario>();
        var defaults = Path.GetFullPath(Path.Combine(directory, GateDefaults.FileName));
        foreach (var file in Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetFullPath(file) == defaults || Path.GetFileName(file) == RosbagMetadataFile)
            {
                continue;
            }

            try
            {
                var scenario = loadFile(file);
                if (scenarios.Find(s => s.Id == scenario.Id) is { } first)
                {
                    failures.Add(new ScenarioLoadFailure(file, [new ValidationError(file, 1, 1, "id", $"duplicate scenario id '{scenario.Id}' (also in {first.SourcePath})")]));
                }
                else
                {
                    scenarios.Add(scenario);
                }
            }
            catch (ScenarioValidationException e)
            {
                failures.Add(new ScenarioLoadFailure(file, e.Errors));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add(new ScenarioLoadFailure(file, [new ValidationError(file, 0, 0, "", $"could not be loaded: {e.GetType().Name}: {e.Message}")]));
            }
        }

        return new ScenarioSet(scenarios, failures);
    }

    public static Scenario LoadFile(string path) => Parse(YamlDocuments.ReadFile(path, "scenario file"), path);

    public static Scenario Parse(string yaml, string path)
    {
        var errors = new List<ValidationError>();
        var root = YamlDocuments.LoadMapping(yaml, path);
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var top = new YamlMappingReader(root, path, "", errors);
        var scenario = Read(top, path, baseDirectory);
        top.RejectUnknownKeys();
        return errors.Count > 0 ? throw new ScenarioValidationException(errors) : scenario!;
    }

    private static Scenario? Read(YamlMappingReader top, string path, string baseDirectory)
    {
        var id = top.String("id", required: true);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            top.Error("id", $"'{id}' must be lower-case letters, digits and dashes (it names the baseline file)");
        }

        var description = top.String("description") ?? "";
        var tags = top.Choices("tags", KnownTags, required: true);

        var baselineId = top.String("baseline");
        var clip = ReadClip(top.Mapping("clip", required: true), baseDirectory);
        var model = ReadModel(top.Mapping("model", required: true), baseDirectory);
        var postprocess = ReadPostprocess(top.Mapping("postprocess"));
        var gates = top.MappingList("gates").Select(gate => ReadGate(gate, model?.Classes.EvaluationClasses)).ToList();

        return id is null || clip is null || model is null || gates.Any(g => g is null)
            ? null
            : new Scenario(id, description, tags, clip, model, postprocess, gates!, path, baselineId);
    }

    private static ClipSpec? ReadClip(YamlMappingReader? clip, string baseDirectory)
    {
        if (clip is null)
        {
            return null;
        }

        var source = ResolveSource(clip, "source", baseDirectory, "synthetic://");
        var sha = ReadSha(clip);
        var camera = clip.String("camera") ?? "/camera/front";
        var truth = clip.String("truth") ?? "/truth/front";
        var lidar = clip.String("lidar");
        var cameraInfo = clip.String("camera_info");
        clip.RejectUnknownKeys();
        return source is null ? null : new ClipSpec(source, sha, camera, truth, lidar, cameraInfo);
    }

    private static ModelSpec? ReadModel(YamlMappingReader? model, string baseDirectory)
    {
        if (model is null)
        {
            return null;
        }

        var source = ResolveSource(model, "source", baseDirectory, "reference://");
        var sha = ReadSha(model);
        var described = Describe(source);
        var layoutText = model.String("layout", required: described is null);
        var layout = layoutText is null ? LayoutFromMetadata(model, described) : OutputLayouts.Find(layoutText);
        if (layoutText is not null && layout is null)
        {
            model.Error("layout", $"unknown layout '{layoutText}' (expected one of: {string.Join(", ", OutputLayouts.Names)})");
        }

        var layoutSettings = ReadLayoutSettings(model, layout);
        var input = ReadInput(model.Mapping("input", required: described?.Metadata.Height is null) ?? InputFromMetadata(model, described));
        CheckInputAgainstMetadata(model, input, described);
        var classes = ReadClasses(model, ClassesOrMetadata(model, described));
        var session = ReadSession(model.Mapping("session"));
        model.RejectUnknownKeys();
        return source is null || layout is null || input is null || layoutSettings is null || classes is null
            ? null
            : new ModelSpec(source, sha, layout, input, classes, session) { LayoutSettings = layoutSettings };
    }

    private static SessionSpec ReadSession(YamlMappingReader? session)
    {
        if (session is null)
        {
            return new SessionSpec(1, "all", true);
        }

        var threads = session.Integer("intra_op_threads") ?? 1;
        if (threads is < 0 or > 256)
        {
            session.Error("intra_op_threads", "must be between 0 (runtime default) and 256");
        }

        var level = session.Choice("optimization", KnownOptimizationLevels) ?? "all";

        var deterministic = session.Boolean("deterministic") ?? true;
        session.RejectUnknownKeys();
        return new SessionSpec(threads, level, deterministic);
    }

    private static PostprocessSpec ReadPostprocess(YamlMappingReader? post)
    {
        if (post is null)
        {
            return new PostprocessSpec(0.25f, 0.45f, 300, false);
        }

        var score = post.Number("score_threshold") ?? 0.25;
        var iou = post.Number("iou_threshold") ?? 0.45;
        var max = post.Integer("max_detections") ?? 300;
        var agnostic = post.Boolean("class_agnostic") ?? false;
        if (score is < 0 or > 1)
        {
            post.Error("score_threshold", $"must be between 0 and 1, found {score}");
        }

        if (iou is <= 0 or > 1)
        {
            post.Error("iou_threshold", $"must be greater than 0 and at most 1, found {iou}");
        }

        if (max <= 0)
        {
            post.Error("max_detections", "must be positive");
        }

        post.RejectUnknownKeys();
        return new PostprocessSpec((float)score, (float)iou, max, agnostic);
    }

    private static string? ReadSha(YamlMappingReader mapping)
    {
        var sha = mapping.String("sha256");
        if (sha is not null && !ShaPattern().IsMatch(sha))
        {
            mapping.Error("sha256", "expected 64 lower-case hex digits");
            return null;
        }

        return sha;
    }

    /// <summary>Built-in sources keep their URI; paths resolve against the scenario file and must exist.</summary>
    private static string? ResolveSource(YamlMappingReader mapping, string key, string baseDirectory, string builtInScheme)
    {
        var source = mapping.String(key, required: true);
        if (source is null || source.StartsWith(builtInScheme, StringComparison.Ordinal))
        {
            return source;
        }

        if (source.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || !uri.IsFile)
            {
                mapping.Error(key, $"'{source}' is not a valid file:// URI");
                return null;
            }

            source = uri.LocalPath;
        }
        else if (source.Contains("://", StringComparison.Ordinal))
        {
            mapping.Error(key, $"unsupported source '{source}' (expected {builtInScheme}..., a file path or a file:// URI)");
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(baseDirectory, source));
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            mapping.Error(key, $"'{source}' does not exist (looked for {full})");
            return null;
        }

        return full;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex ShaPattern();
}
