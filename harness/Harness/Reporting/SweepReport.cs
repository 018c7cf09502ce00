using System.Globalization;
using System.Text;
using System.Text.Json;
using Harness.Metrics.Sweep;

namespace Harness.Reporting;

/// <summary>
/// A threshold sweep as people read it (Markdown, printed and written as <c>sweep.md</c>: per scenario and class, the
/// rates at each threshold with their intervals, the recommended row marked) and as tools read it (<c>sweep.json</c>,
/// every number round-trip exact, null where undefined).
/// </summary>
internal static class SweepReport
{
    public const string MarkdownFile = "sweep.md";

    public const string JsonFile = "sweep.json";

    public static string Markdown(IReadOnlyList<ScenarioSweep> sweeps)
    {
        ArgumentNullException.ThrowIfNull(sweeps);
        var text = new StringBuilder();
        foreach (var sweep in sweeps)
        {
            text.Append(CultureInfo.InvariantCulture, $"## {sweep.ScenarioId}\n\n");
            if (sweep.Error is { } error)
            {
                text.Append(CultureInfo.InvariantCulture, $"error: {error}\n\n");
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"swept: {sweep.Candidate}; recall kept: {sweep.Baseline}\n\n");
            foreach (var curve in sweep.Curves)
            {
                text.Append(CultureInfo.InvariantCulture, $"### {curve.Class}: {Recommendation(curve)}\n\n");
                text.Append("| threshold | precision | recall | F1 | false positives / frame | |\n| --- | --- | --- | --- | --- | --- |\n");
                foreach (var point in curve.Points)
                {
                    text.Append(CultureInfo.InvariantCulture,
                        $"| {point.Threshold:0.00####} | {Cell(point.Precision)} | {Cell(point.Recall)} | {Cell(point.F1)} | {Cell(point.FalsePositivesPerFrame)} | {(point.Threshold == curve.Recommended ? "recommended" : "")} |\n");
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    public static string Json(IReadOnlyList<ScenarioSweep> sweeps)
    {
        ArgumentNullException.ThrowIfNull(sweeps);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var sweep in sweeps)
            {
                writer.WriteStartObject();
                writer.WriteString("scenario", sweep.ScenarioId);
                writer.WriteString("candidate", sweep.Candidate);
                writer.WriteString("baseline", sweep.Baseline);
                if (sweep.Error is { } error)
                {
                    writer.WriteString("error", error);
                }

                writer.WriteStartArray("classes");
                foreach (var curve in sweep.Curves)
                {
                    writer.WriteStartObject();
                    writer.WriteString("class", curve.Class);
                    Number(writer, "recall_to_keep", curve.RecallToKeep);
                    Number(writer, "recommended", curve.Recommended ?? double.NaN);
                    writer.WriteStartArray("points");
                    foreach (var point in curve.Points)
                    {
                        writer.WriteStartObject();
                        Number(writer, "threshold", point.Threshold);
                        Value(writer, "precision", point.Precision);
                        Value(writer, "recall", point.Recall);
                        Value(writer, "f1", point.F1);
                        Value(writer, "fp_per_frame", point.FalsePositivesPerFrame);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes <see cref="MarkdownFile"/> and <see cref="JsonFile"/> into <paramref name="directory"/>.</summary>
    public static void Write(string directory, IReadOnlyList<ScenarioSweep> sweeps)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, MarkdownFile), "# Score threshold sweep\n\n" + Markdown(sweeps));
        File.WriteAllText(Path.Combine(directory, JsonFile), Json(sweeps));
    }

    private static string Recommendation(SweepCurve curve) =>
        double.IsNaN(curve.RecallToKeep) ? "no baseline recall to keep"
        : curve.Recommended is { } threshold
            ? string.Create(CultureInfo.InvariantCulture, $"recommended threshold {threshold:0.00####}, the highest that keeps the baseline's recall {MetricFormat.Value(curve.RecallToKeep)}")
            : string.Create(CultureInfo.InvariantCulture, $"no swept threshold keeps the baseline's recall {MetricFormat.Value(curve.RecallToKeep)}");

    private static string Cell(SweepValue value) =>
        double.IsNaN(value.Value) ? "undefined"
        : value.Low == value.High ? MetricFormat.Value(value.Value)
        : $"{MetricFormat.Value(value.Value)} [{MetricFormat.Value(value.Low)}, {MetricFormat.Value(value.High)}]";

    private static void Value(Utf8JsonWriter writer, string name, SweepValue value)
    {
        writer.WriteStartObject(name);
        Number(writer, "value", value.Value);
        Number(writer, "low", value.Low);
        Number(writer, "high", value.High);
        writer.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
