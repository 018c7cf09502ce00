using System.Globalization;
using System.Text.Json;
using Harness.History;
using static Harness.Results.JsonValues;

namespace Harness.Results;

/// <summary>
/// A bundle's <c>trend</c>: the history's last values of the scenario's gated metrics before this run, kept in the
/// bundle because reports are rendered from the results alone (a shard or <c>harness report</c> has no history store).
/// </summary>
internal static class TrendJson
{
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<MetricPoint> trend)
    {
        writer.WriteStartArray("trend");
        foreach (var point in trend)
        {
            writer.WriteStartObject();
            OptionalNumber(writer, "baseline", point.Baseline);
            writer.WriteString("commit", point.Commit);
            writer.WriteString("metric", point.Metric);
            writer.WriteString("recorded_at", point.RecordedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            writer.WriteString("run", point.Run);
            Number(writer, "value", point.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static IReadOnlyList<MetricPoint> Read(JsonElement root, string scenarioId, string path) =>
        Optional(root, "trend") is null
            ? []
            : [.. Array(root, "trend", path).Select(point => new MetricPoint(
                scenarioId,
                Text(point, "metric", path),
                Real(point, "value", path),
                Text(point, "commit", path),
                DateTimeOffset.TryParse(Text(point, "recorded_at", path), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                    ? at
                    : throw new ResultsFormatException($"{path}: trend point recorded_at '{Text(point, "recorded_at", path)}' is not a time"),
                Text(point, "run", path),
                OptionalReal(point, "baseline", path)))];
}
