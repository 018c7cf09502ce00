using Harness.Scenarios;

namespace Harness.Gate;

/// <summary>
/// What the gate needs to know of a scenario: its id, the baseline it is compared with, its gates, the fewest truth
/// objects a gated metric may be computed over when the scenario sets its own, and the waivers in force for it.
/// </summary>
internal sealed record GateSubject(string ScenarioId, string BaselineId, IReadOnlyList<GateRule> Gates, int? MinSupport = null)
{
    /// <summary>At most one per metric (<see cref="WaiverFileReader"/> refuses a second).</summary>
    public IReadOnlyList<Waiver> Waivers { get; init; } = [];

    public static GateSubject Of(Scenario scenario) => new(scenario.Id, scenario.EffectiveBaselineId, scenario.Gates, scenario.MinSupport);

    public Waiver? WaiverOf(string metric) => Waivers.FirstOrDefault(w => w.Metric == metric);

    /// <summary>The gates judged on the interval of a change in a run of kind <paramref name="run"/>: an allowed change on a metric that is not timing.</summary>
    public IReadOnlyList<GateRule> IntervalGates(RunKind run) =>
        [.. Gates.Where(g => g.AllowedChange is not null && !Metrics.MetricNames.IsTiming(g.Metric) && (g.When == RunKind.Always || g.When == run))
            .DistinctBy(g => g.Metric)];

    /// <summary>
    /// The confidence of each gated metric's interval: Bonferroni over the run's interval gates, so that the scenario's
    /// gated metrics together are wrong with probability at most 1 - <paramref name="confidence"/>.
    /// </summary>
    public double GatedConfidence(RunKind run, double confidence) => 1 - ((1 - confidence) / Math.Max(1, IntervalGates(run).Count));
}
