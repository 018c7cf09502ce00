namespace Harness.Metrics.Sweep;

/// <summary>
/// One class's rates against the threshold (<see cref="ThresholdSweep.Pooled"/> for all classes), the recall to keep,
/// and the threshold recommended for it: the highest swept threshold whose recall is at least that, which has the
/// fewest false positives of those (<see cref="ThresholdSweep"/> says why); null when no swept threshold keeps it.
/// </summary>
internal sealed record SweepCurve(string Class, IReadOnlyList<SweepPoint> Points, double RecallToKeep, double? Recommended);
