using Harness.Metrics;
using Harness.Scenarios;

namespace Harness.Gate;

/// <summary>
/// A waiver in force on the day a scenario was judged (<c>baselines/waivers.yaml</c>): a regression of
/// <see cref="Metric"/> within <see cref="AllowedChange"/> of the baseline is waived, not failed, until
/// <see cref="Expires"/>; someone owns it and says why. <see cref="DaysLeft"/> counts from that day: 0 on its last day.
/// </summary>
public sealed record Waiver(string ScenarioId, string Metric, Tolerance AllowedChange, string Owner, string Reason, DateOnly Expires, int DaysLeft)
{
    /// <summary>The allowed change signed in the metric's worse direction, as the verdict table's allowed column writes a gate's (-0.05, +20%).</summary>
    public string Allowed => (MetricNames.HigherIsBetter(Metric) ? "-" : "+") + AllowedChange;
}
