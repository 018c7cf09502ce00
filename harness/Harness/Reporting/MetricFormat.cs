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

    /// <summary><c>change [low, high]</c> with the 95% interval when the frames could be paired, the bare change otherwise.</summary>
    public static string Change(MetricVerdict row) =>
        row.Change is not { } change ? "-"
        : row.Low is { } low && row.High is { } high ? $"{Signed(change)} [{Signed(low)}, {Signed(high)}]"
        : Signed(change);

    public static string Outcome(MetricVerdict row) =>
        !row.Blocking && row.Outcome is MetricOutcome.Regressed or MetricOutcome.Error ? Name(row.Outcome) + " (ungated)" : Name(row.Outcome);

    public static string Name(MetricOutcome outcome) => outcome switch
    {
        MetricOutcome.PossibleRegression => "possible regression",
        MetricOutcome.LowSupport => "low support",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
