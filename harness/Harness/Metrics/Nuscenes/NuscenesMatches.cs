namespace Harness.Metrics.Nuscenes;

/// <summary>
/// One class's predictions after greedy matching at one distance threshold, in matching order (descending score):
/// each one's score and whether it matched, and the matched pairs in the same order.
/// </summary>
internal sealed record NuscenesMatches(
    int TruthCount,
    IReadOnlyList<double> Scores,
    IReadOnlyList<bool> IsMatch,
    IReadOnlyList<(NuscenesBox Truth, NuscenesBox Prediction)> Pairs);
