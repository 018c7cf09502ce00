using System.Globalization;

namespace Harness.Reporting;

/// <summary>Culture-independent number formatting shared by every reporter.</summary>
internal static class MetricFormat
{
    public static string Value(double? value) =>
        value is { } v ? v.ToString("0.######", CultureInfo.InvariantCulture) : "-";

    public static string Outcome(Gate.MetricOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
