using System.Globalization;
using Harness.Gate;

namespace Harness.Reporting;

/// <summary>Culture-independent number formatting shared by every reporter.</summary>
internal static class MetricFormat
{
    public static string Value(double? value) =>
        value is { } v ? v.ToString("0.######", CultureInfo.InvariantCulture) : "-";

    /// <summary>Signed, so a drop reads as one at a glance.</summary>
    public static string Signed(double value) => value.ToString("+0.######;-0.######;0", CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>change [low, high]</c> with the interval when the runs could be paired, the bare change otherwise; a gated
    /// metric's interval names its level, which the Bonferroni adjustment over the scenario's gates widens.
    /// </summary>
    public static string Change(MetricVerdict row) =>
        row.Change is not { } change ? "-"
        : row.Low is { } low && row.High is { } high ? $"{Signed(change)} [{Signed(low)}, {Signed(high)}]{Level(row)}"
        : Signed(change);

    /// <summary>The outcome in words; a row judged against a waiver names its owner, and a waived one why it was waived.</summary>
    public static string Outcome(MetricVerdict row) => row.Outcome switch
    {
        MetricOutcome.Waived when row.Waiver is { } waiver => $"waived by {waiver.Owner} until {Date(waiver.Expires)}: {waiver.Reason}",
        MetricOutcome.Undefined => (row.Reason ?? Name(row.Outcome)) + (row.Blocking ? "" : " (ungated)"),
        MetricOutcome.PossibleRegression when row.Power is { } power =>
            $"possible regression (not sure: a change of twice the allowance would be sure with probability {power.ToString("0.00", CultureInfo.InvariantCulture)})",
        MetricOutcome.Regressed or MetricOutcome.Error when !row.Blocking => Name(row.Outcome) + " (ungated)",
        _ => Name(row.Outcome),
    } + (row.Outcome != MetricOutcome.Waived && row.Waiver is { } exceeded ? $" (beyond the waiver of {exceeded.Owner})" : "");

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Level(MetricVerdict row) =>
        row.Blocking && row.Confidence is { } level ? " " + (level * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "";

    public static string Name(MetricOutcome outcome) => outcome switch
    {
        MetricOutcome.PossibleRegression => "possible regression",
        MetricOutcome.LowSupport => "low support",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
