using Harness.Metrics.Families;

namespace Harness.Scenarios;

/// <summary>
/// Suite-wide gate settings, from <c>scenarios/defaults.yaml</c> (or <see cref="BuiltIn"/> when the suite has none):
/// the statistics, the minimum support, the numerical tolerance under which an unchanged pipeline counts as
/// equivalent, and the rules for metrics no gate names.
/// </summary>
internal sealed record GateDefaults(
    StatisticsSpec Statistics,
    int MinSupport,
    EquivalenceSpec Equivalence,
    IReadOnlyList<MetricFamilyRule> Ungated)
{
    public const string FileName = "defaults.yaml";

    /// <summary>
    /// The values documented in docs/gating.md and written in the default suite's defaults.yaml; the ungated rules are
    /// the registered families' own (<see cref="MetricFamily.Ungated"/>), in ordinal order.
    /// </summary>
    public static GateDefaults BuiltIn { get; } = new(
        new StatisticsSpec(Resamples: 4000, Seed: 20261130, BlockSeconds: null, Confidence: 0.95),
        MinSupport: 30,
        new EquivalenceSpec(BoxPixels: 0.01, Score: 1e-4, Iou: 0.005),
        [
            .. MetricFamilies.All.SelectMany(f => f.Ungated).OrderBy(a => a.Prefix, StringComparer.Ordinal)
                .Select(a => new MetricFamilyRule(a.Prefix, new Tolerance(a.Amount, a.Relative), null, Fails: false)),
        ]);

    /// <summary>The rule of the longest family prefix that <paramref name="metric"/> starts with, or null.</summary>
    public MetricFamilyRule? FamilyOf(string metric) =>
        Ungated.Where(r => metric.StartsWith(r.Family, StringComparison.Ordinal)).MaxBy(r => r.Family.Length);
}
