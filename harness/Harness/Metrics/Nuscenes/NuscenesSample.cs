namespace Harness.Metrics.Nuscenes;

/// <summary>One sample (a keyframe) of a submission: its token and its boxes in file order.</summary>
internal sealed record NuscenesSample(string Token, IReadOnlyList<NuscenesBox> Boxes);
