namespace Harness.Metrics.Nuscenes;

/// <summary>
/// A nuScenes submission file's <c>results</c>: its samples in file order. The order matters: it is the order the
/// devkit lists predictions in, which decides between equal scores.
/// </summary>
internal sealed record NuscenesSubmission(IReadOnlyList<NuscenesSample> Samples);
