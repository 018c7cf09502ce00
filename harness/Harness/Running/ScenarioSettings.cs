using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Harness.Preprocessing;
using Harness.Postprocessing.Layouts;
using Harness.Scenarios;

namespace Harness.Running;

/// <summary>
/// A SHA-256 of every scenario setting that can change the detections: which channels are read, how the model's
/// input is prepared and its output decoded, the classes and how they map to evaluation classes, the operating point
/// and the session; and of the streaming target, which changes what the detections are scored as. A scenario's id,
/// description, tags and gates do not change what the detector reports and are left out; the clip and model
/// themselves are pinned by their own content hashes.
/// </summary>
internal static class ScenarioSettings
{
    /// <summary>Lower-case hex SHA-256 of <see cref="CanonicalText"/>.</summary>
    public static string Sha256(Scenario scenario) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText(scenario))));

    /// <summary>
    /// One <c>key=value</c> line per setting in a fixed order, numbers in invariant round-trip form, text prefixed by
    /// its length so no value can run into the next.
    /// </summary>
    public static string CanonicalText(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var model = scenario.Model;
        var input = model.Input;
        var post = scenario.Postprocess;
        var session = model.Session;
        var text = new StringBuilder();
        Line(text, "clip.camera", Text(scenario.Clip.Camera));
        Line(text, "clip.truth", Text(scenario.Clip.Truth));
        Line(text, "model.layout", Text(HashedName(model.Layout)));
        foreach (var (key, value) in model.LayoutSettings.Values)
        {
            Line(text, "model." + key, Text(value));
        }

        Line(text, "input.width", Number(input.Width));
        Line(text, "input.height", Number(input.Height));
        Line(text, "input.letterbox", Flag(input.Letterbox));
        Line(text, "input.scale", Number(input.Scale));
        Line(text, "input.mean", string.Join(",", input.Mean.Select(Number)));
        Line(text, "input.std", string.Join(",", input.Std.Select(Number)));
        Line(text, "input.bgr", Flag(input.Bgr));
        Line(text, "input.pad", Number(input.PadValue));
        if (input.Placement != LetterboxPlacement.Center)
        {
            // Written only when it differs from the placement every scenario had before the setting existed, so
            // the verified baselines of those scenarios keep their settings hash.
            Line(text, "input.letterbox_placement", Text(input.Placement.ToString()));
        }

        // Written for every scenario since the 8-bit resize became the default: a baseline from the float resize
        // must not look like the same settings.
        Line(text, "input.resize", Text(input.Resize.ToString()));
        Line(text, "input.size_rounding", Text(input.SizeRounding.ToString()));
        Line(text, "classes", string.Join(",", model.Classes.ModelClasses.Select(Text)));
        // Only a scenario that maps classes hashes the map, so one without keeps the hash its baseline recorded.
        if (!model.Classes.IsIdentity)
        {
            Line(text, "class_map", string.Join(",", model.Classes.Merges.Select(m => Text(m.Key) + "=" + string.Join("+", m.Value.Select(Text)))));
            Line(text, "ignore", string.Join(",", model.Classes.Ignored.Select(Text)));
            if (model.Classes.Evaluate != ClassEvaluation.All)
            {
                // Written only when it differs from what every scenario evaluated before the setting existed, so the
                // verified baselines of those scenarios keep their settings hash.
                Line(text, "evaluate", Text(model.Classes.Evaluate.ToString()));
            }
        }

        Line(text, "postprocess.score_threshold", Number(post.ScoreThreshold));
        Line(text, "postprocess.iou_threshold", Number(post.IouThreshold));
        Line(text, "postprocess.max_detections", Number(post.MaxDetections));
        Line(text, "postprocess.class_agnostic", Flag(post.ClassAgnostic));
        Line(text, "session.intra_op_threads", Number(session.IntraOpThreads));
        Line(text, "session.optimization", Text(session.OptimizationLevel));
        Line(text, "session.deterministic", Flag(session.Deterministic));
        if (scenario.Streaming is { } streaming)
        {
            // Written only when declared, so the verified baselines of scenarios without it keep their settings hash.
            Line(text, "streaming.latency_ns", Number(streaming.LatencyNs));
        }

        return text.ToString();
    }

    /// <summary>
    /// The layout's name as the hash has always spelled it: when layouts were an enum, its member name (Yolov8), so
    /// every verified baseline keeps its settings hash.
    /// </summary>
    private static string HashedName(OutputLayout layout) => layout.Name switch
    {
        "end2end" => "End2End",
        var name => char.ToUpperInvariant(name[0]) + name[1..],
    };

    private static void Line(StringBuilder text, string key, string value) => text.Append(key).Append('=').Append(value).Append('\n');

    private static string Text(string value) => string.Create(CultureInfo.InvariantCulture, $"{value.Length}:{value}");

    private static string Number<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "true" : "false";
}
