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

    private static readonly string[] KnownTags = [PullRequestTag, NightlyTag, CanaryTag];
    private static readonly string[] KnownOptimizationLevels = ["disable", "basic", "extended", "all"];

    /// <summary>
    /// Loads every <c>*.yaml</c> in <paramref name="directory"/> and its sub-folders but the suite's
    /// <c>defaults.yaml</c> (see <see cref="GateDefaultsLoader"/>), failing on duplicate ids.
    /// </summary>
    public static IReadOnlyList<Scenario> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ScenarioValidationException([new ValidationError(directory, 0, 0, "", "scenario directory does not exist")]);
        }

        var errors = new List<ValidationError>();
        var scenarios = new List<Scenario>();
        var defaults = Path.GetFullPath(Path.Combine(directory, GateDefaults.FileName));
        foreach (var file in Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetFullPath(file) == defaults)
            {
                continue;
            }

            try
            {
                scenarios.Add(LoadFile(file));
            }
            catch (ScenarioValidationException e)
            {
                errors.AddRange(e.Errors);
            }
        }

        foreach (var duplicate in scenarios.GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new ValidationError(duplicate.Last().SourcePath, 1, 1, "id", $"duplicate scenario id '{duplicate.Key}' (also in {duplicate.First().SourcePath})"));
        }

        return errors.Count > 0 ? throw new ScenarioValidationException(errors) : scenarios;
    }

    public static Scenario LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ScenarioValidationException([new ValidationError(path, 0, 0, "", "scenario file does not exist")]);
        }

        return Parse(File.ReadAllText(path), path);
    }

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
        var tags = top.Strings("tags", required: true);
        foreach (var tag in tags.Where(t => !KnownTags.Contains(t, StringComparer.Ordinal)))
        {
            top.Error("tags", $"unknown tag '{tag}' (expected {string.Join(", ", KnownTags)})");
        }

        var baselineId = top.String("baseline");
        var clip = ReadClip(top.Mapping("clip", required: true), baseDirectory);
        var model = ReadModel(top.Mapping("model", required: true), baseDirectory);
        var postprocess = ReadPostprocess(top.Mapping("postprocess"));
        var gates = top.MappingList("gates").Select(ReadGate).ToList();

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
        clip.RejectUnknownKeys();
        return source is null ? null : new ClipSpec(source, sha, camera, truth, lidar);
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
        var classes = ClassesOrMetadata(model, described);
        if (classes.Count == 0)
        {
            model.Error("classes", "must name at least one class");
        }

        var session = ReadSession(model.Mapping("session"));
        model.RejectUnknownKeys();
        return source is null || layout is null || input is null || layoutSettings is null
            ? null
            : new ModelSpec(source, sha, layout, input, classes, session) { LayoutSettings = layoutSettings };
    }

    private static InputSpec? ReadInput(YamlMappingReader? input)
    {
        if (input is null)
        {
            return null;
        }

        var width = input.Integer("width", required: true);
        var height = input.Integer("height", required: true);
        if (width is <= 0 or > 8192)
        {
            input.Error("width", "must be between 1 and 8192");
        }

        if (height is <= 0 or > 8192)
        {
            input.Error("height", "must be between 1 and 8192");
        }

        var letterbox = input.Boolean("letterbox") ?? true;
        var scale = input.Number("scale") ?? 1.0 / 255.0;
        var mean = input.Numbers("mean", 3);
        var std = input.Numbers("std", 3);
        if (std.Any(s => s <= 0))
        {
            input.Error("std", "every value must be positive");
        }

        var order = input.String("channel_order") ?? "rgb";
        if (order is not ("rgb" or "bgr"))
        {
            input.Error("channel_order", $"expected rgb or bgr, found '{order}'");
        }

        var pad = input.Integer("pad_value") ?? 114;
        if (pad is < 0 or > 255)
        {
            input.Error("pad_value", "must be between 0 and 255");
        }

        input.RejectUnknownKeys();
        return width is null || height is null
            ? null
            : new InputSpec(
                width.Value,
                height.Value,
                letterbox,
                (float)scale,
                mean.Count == 3 ? mean.Select(m => (float)m).ToArray() : [0f, 0f, 0f],
                std.Count == 3 ? std.Select(s => (float)s).ToArray() : [1f, 1f, 1f],
                order == "bgr",
                (byte)Math.Clamp(pad, 0, 255));
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

        var level = session.String("optimization") ?? "all";
        if (!KnownOptimizationLevels.Contains(level, StringComparer.Ordinal))
        {
            session.Error("optimization", $"unknown level '{level}' (expected {string.Join(", ", KnownOptimizationLevels)})");
        }

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

    private static GateRule? ReadGate(YamlMappingReader gate)
    {
        var metric = gate.String("metric", required: true);
        var min = gate.Number("min");
        var max = gate.Number("max");
        var drop = gate.Tolerance("max_drop");
        var increase = gate.Tolerance("max_increase");
        var whenText = gate.String("when") ?? "always";
        RunKind? when = whenText switch
        {
            "always" => RunKind.Always,
            "pr" => RunKind.PullRequest,
            "nightly" => RunKind.Nightly,
            _ => null,
        };
        if (when is null)
        {
            gate.Error("when", $"expected always, pr or nightly, found '{whenText}'");
        }

        if (min is null && max is null && drop is null && increase is null)
        {
            gate.Error("metric", "a gate needs at least one of min, max, max_drop, max_increase");
        }

        if (min is not null && max is not null && min > max)
        {
            gate.Error("min", $"min {min} is greater than max {max}");
        }

        if (metric is not null)
        {
            var higherIsBetter = Metrics.MetricNames.HigherIsBetter(metric);
            if (drop is not null && !higherIsBetter)
            {
                gate.Error("max_drop", $"'{metric}' is lower-is-better: use max_increase");
            }

            if (increase is not null && higherIsBetter)
            {
                gate.Error("max_increase", $"'{metric}' is higher-is-better: use max_drop");
            }
        }

        gate.RejectUnknownKeys();
        return metric is null || when is null ? null : new GateRule(metric, min, max, drop ?? increase, when.Value);
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

        if (source.Contains("://", StringComparison.Ordinal))
        {
            mapping.Error(key, $"unsupported source '{source}' (expected {builtInScheme}... or a file path)");
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
