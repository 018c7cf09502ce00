using System.Text.Json;
using Harness.Gate;
using Harness.Metrics.Flips;
using static Harness.Results.JsonValues;

namespace Harness.Results;

/// <summary>A <see cref="ScenarioVerdict"/> as the bundle's <c>"verdict"</c> object; its flips refer to the bundle's frames (<see cref="FlipJson"/>).</summary>
internal static class VerdictJson
{
    public static void Write(Utf8JsonWriter writer, ScenarioVerdict verdict, FlipJson flips)
    {
        writer.WriteStartObject("verdict");
        writer.WriteString("agreement", Name(verdict.Agreement));
        writer.WriteBoolean("baseline_missing", verdict.BaselineMissing);
        if (verdict.Error is { } error)
        {
            writer.WriteString("error", error);
        }

        if (verdict.Flips is { } summary)
        {
            WriteFlips(writer, summary, flips);
        }

        writer.WriteBoolean("is_ci", verdict.IsCi);
        writer.WriteStartArray("metrics");
        foreach (var metric in verdict.Metrics)
        {
            WriteMetric(writer, metric);
        }

        writer.WriteEndArray();
        Strings(writer, "notes", verdict.Notes);
        writer.WriteString("scenario", verdict.ScenarioId);
        writer.WriteBoolean("strict", verdict.Strict);
        if (verdict.Waivers.Count > 0)
        {
            writer.WriteStartArray("waivers");
            foreach (var waiver in verdict.Waivers)
            {
                WaiverJson.Write(writer, waiver);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    public static ScenarioVerdict Read(JsonElement element, FlipJson flips, string path) =>
        new(
            Text(element, "scenario", path),
            [.. Array(element, "metrics", path).Select(m => ReadMetric(m, path))],
            StringList(element, "notes", path),
            Flag(element, "baseline_missing", path),
            Flag(element, "is_ci", path),
            OptionalText(element, "error", path))
        {
            Agreement = AsEnum<PipelineAgreement>(Property(element, "agreement", path), "agreement", path),
            Flips = Optional(element, "flips") is { } summary ? ReadFlips(summary, flips, path) : null,
            Strict = Flag(element, "strict", path),
            Waivers = Optional(element, "waivers") is not null ? [.. Array(element, "waivers", path).Select(w => WaiverJson.Read(w, path))] : [],
        };

    private static void WriteMetric(Utf8JsonWriter writer, MetricVerdict metric)
    {
        writer.WriteStartObject();
        writer.WriteString("allowed", metric.Allowed);
        OptionalNumber(writer, "allowance", metric.Allowance);
        OptionalNumber(writer, "baseline", metric.Baseline);
        writer.WriteBoolean("blocking", metric.Blocking);
        OptionalNumber(writer, "confidence", metric.Confidence);
        OptionalNumber(writer, "high", metric.High);
        OptionalNumber(writer, "low", metric.Low);
        OptionalNumber(writer, "measured", metric.Measured);
        writer.WriteString("metric", metric.Metric);
        writer.WriteString("outcome", Name(metric.Outcome));
        OptionalNumber(writer, "p_value", metric.PValue);
        OptionalNumber(writer, "power", metric.Power);
        if (metric.Reason is { } reason)
        {
            writer.WriteString("reason", reason);
        }

        if (metric.Support is { } support)
        {
            writer.WriteNumber("support", support);
        }

        if (metric.Waiver is { } waiver)
        {
            writer.WritePropertyName("waiver");
            WaiverJson.Write(writer, waiver);
        }

        writer.WriteEndObject();
    }

    private static MetricVerdict ReadMetric(JsonElement element, string path) =>
        new(
            Text(element, "metric", path),
            OptionalReal(element, "baseline", path),
            OptionalReal(element, "measured", path),
            Text(element, "allowed", path),
            AsEnum<MetricOutcome>(Property(element, "outcome", path), "outcome", path))
        {
            Allowance = OptionalReal(element, "allowance", path),
            Blocking = Flag(element, "blocking", path),
            Confidence = OptionalReal(element, "confidence", path),
            High = OptionalReal(element, "high", path),
            Low = OptionalReal(element, "low", path),
            PValue = OptionalReal(element, "p_value", path),
            Power = OptionalReal(element, "power", path),
            Reason = OptionalText(element, "reason", path),
            Support = Optional(element, "support") is not null ? Long(element, "support", path) : null,
            Waiver = Optional(element, "waiver") is { } waiver ? WaiverJson.Read(waiver, path) : null,
        };

    private static void WriteFlips(Utf8JsonWriter writer, FlipSummary summary, FlipJson flips)
    {
        writer.WriteStartObject("flips");
        writer.WriteStartObject("by_group");
        foreach (var (group, counts) in summary.ByGroup.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(group);
            WriteCounts(writer, counts.Lost, counts.Found, counts.ClassChanged, counts.FalsePositivesAppeared, counts.FalsePositivesGone);
        }

        writer.WriteEndObject();
        writer.WritePropertyName("totals");
        WriteCounts(writer, summary.Lost, summary.Found, summary.ClassChanged, summary.FalsePositivesAppeared, summary.FalsePositivesGone);
        writer.WriteStartArray("worst");
        foreach (var flip in summary.Worst)
        {
            flips.Write(writer, flip);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static FlipSummary ReadFlips(JsonElement element, FlipJson flips, string path)
    {
        var totals = ReadCounts(Property(element, "totals", path), path);
        var groups = new SortedDictionary<string, FlipCounts>(StringComparer.Ordinal);
        foreach (var group in Object(element, "by_group", path))
        {
            groups[group.Name] = ReadCounts(group.Value, path);
        }

        return new FlipSummary(totals.Lost, totals.Found, totals.ClassChanged, totals.FalsePositivesAppeared, totals.FalsePositivesGone, groups,
            [.. Array(element, "worst", path).Select(f => flips.Read(f, path))]);
    }

    private static void WriteCounts(Utf8JsonWriter writer, int lost, int found, int classChanged, int appeared, int gone)
    {
        writer.WriteStartObject();
        writer.WriteNumber("class_changed", classChanged);
        writer.WriteNumber("false_positives_appeared", appeared);
        writer.WriteNumber("false_positives_gone", gone);
        writer.WriteNumber("found", found);
        writer.WriteNumber("lost", lost);
        writer.WriteEndObject();
    }

    private static FlipCounts ReadCounts(JsonElement element, string path) =>
        new(
            Integer(element, "lost", path),
            Integer(element, "found", path),
            Integer(element, "class_changed", path),
            Integer(element, "false_positives_appeared", path),
            Integer(element, "false_positives_gone", path));
}
