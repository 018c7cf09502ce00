using System.Globalization;
using System.Text.Json;
using Harness.Gate;
using Harness.Scenarios;
using static Harness.Results.JsonValues;

namespace Harness.Results;

/// <summary>A <see cref="Waiver"/> as a bundle's verdict keeps it: the days left are those of the day it was judged, so a re-rendered report says what the run said.</summary>
internal static class WaiverJson
{
    private const string DateFormat = "yyyy-MM-dd";

    public static void Write(Utf8JsonWriter writer, Waiver waiver)
    {
        writer.WriteStartObject();
        Number(writer, "allowed_change", waiver.AllowedChange.Amount);
        writer.WriteNumber("days_left", waiver.DaysLeft);
        writer.WriteString("expires", waiver.Expires.ToString(DateFormat, CultureInfo.InvariantCulture));
        writer.WriteString("metric", waiver.Metric);
        writer.WriteString("owner", waiver.Owner);
        writer.WriteString("reason", waiver.Reason);
        writer.WriteBoolean("relative", waiver.AllowedChange.Relative);
        writer.WriteString("scenario", waiver.ScenarioId);
        writer.WriteEndObject();
    }

    public static Waiver Read(JsonElement element, string path)
    {
        var expires = Text(element, "expires", path);
        return new Waiver(
            Text(element, "scenario", path),
            Text(element, "metric", path),
            new Tolerance(Real(element, "allowed_change", path), Flag(element, "relative", path)),
            Text(element, "owner", path),
            Text(element, "reason", path),
            DateOnly.TryParseExact(expires, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new ResultsFormatException($"{path}: 'expires' is '{expires}' (expected a date such as 2027-01-31)"),
            Integer(element, "days_left", path));
    }
}
