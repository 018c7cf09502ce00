using System.Globalization;
using System.Text.Json;

namespace Harness.Metrics.Tide;

/// <summary>
/// A TIDE breakdown as JSON: <c>{"AP":...,"dAP":{"cls":...,...,"fn":...},"count":{...},"per_category":{"1":{...}}}</c>,
/// the pooled values left out when no category has truth, categories by ascending id and only those with truth.
/// </summary>
internal static class TideJson
{
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<int> categoryIds, TideEvaluation evaluation)
    {
        writer.WriteStartObject();
        if (evaluation.Pooled is { } pooled)
        {
            WriteValues(writer, pooled);
        }

        writer.WriteStartObject("per_category");
        for (var k = 0; k < categoryIds.Count; k++)
        {
            if (evaluation.Classes[k] is { } breakdown)
            {
                writer.WriteStartObject(categoryIds[k].ToString(CultureInfo.InvariantCulture));
                WriteValues(writer, breakdown);
                writer.WriteEndObject();
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteValues(Utf8JsonWriter writer, TideBreakdown breakdown)
    {
        writer.WriteNumber("AP", breakdown.Ap);
        writer.WriteStartObject("dAP");
        foreach (var error in TideNames.Errors)
        {
            writer.WriteNumber(TideNames.Of(error), breakdown.LostTo(error));
        }

        writer.WriteEndObject();
        writer.WriteStartObject("count");
        foreach (var error in TideNames.Errors)
        {
            writer.WriteNumber(TideNames.Of(error), breakdown.CountOf(error));
        }

        writer.WriteEndObject();
    }
}
