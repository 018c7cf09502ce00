namespace Harness.Metrics.Flips;

/// <summary>
/// Flip counts of one class or one class and slice. Class changes count here, not as lost or found. Slices hold truth
/// objects only, so their false-positive counts are zero.
/// </summary>
public sealed record FlipCounts(int Lost, int Found, int ClassChanged, int FalsePositivesAppeared, int FalsePositivesGone);
