using System.Globalization;
using Harness.Gate;

namespace Harness.Reporting;

/// <summary>
/// The waivers in force for a run's scenarios, as every summary lists them (one row each: scenario, metric, the change
/// allowed, owner, reason, expiry and days left), so that a waiver is seen on every run until it ends.
/// </summary>
internal static class WaiverSummary
{
    private static readonly string[] Header = ["scenario", "metric", "allowed", "owner", "reason", "expires", "days left"];

    public static IReadOnlyList<string> Columns => Header;

    /// <summary>In scenario order, each scenario's in the order its file lists them.</summary>
    public static IReadOnlyList<Waiver> InForce(SuiteReport report) => [.. report.Scenarios.SelectMany(s => s.Verdict.Waivers)];

    /// <summary>The cells of one row, in <see cref="Columns"/> order.</summary>
    public static string[] Cells(Waiver waiver) =>
        [waiver.ScenarioId, waiver.Metric, waiver.Allowed, waiver.Owner, waiver.Reason, MetricFormat.Date(waiver.Expires), DaysLeft(waiver)];

    /// <summary>One line of plain text, for the console.</summary>
    public static string Line(Waiver waiver) =>
        $"{waiver.ScenarioId} {waiver.Metric} {waiver.Allowed}: {waiver.Owner}, until {MetricFormat.Date(waiver.Expires)} ({DaysLeft(waiver)}): {waiver.Reason}";

    /// <summary>A waiver is in force through its expiry date: on that day it has its last day, not zero days, left.</summary>
    private static string DaysLeft(Waiver waiver) => waiver.DaysLeft switch
    {
        0 => "last day",
        1 => "1 day left",
        var days => days.ToString(CultureInfo.InvariantCulture) + " days left",
    };
}
