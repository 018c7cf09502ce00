using Harness.Clips;
using Harness.Metrics;
using Harness.Postprocessing;

namespace Harness.Running;

/// <summary>
/// A frame kept for a reviewer to look at: an owned copy of its pixels, its truth (model class ids), its detections
/// and what each one matched at IoU 0.5. <see cref="Missed"/> is per truth box.
/// </summary>
public sealed record ReviewFrame(
    long FrameIndex,
    CameraImage Image,
    IReadOnlyList<TruthBox> Truth,
    IReadOnlyList<bool> Missed,
    IReadOnlyList<Detection> Detections,
    IReadOnlyList<DetectionMatch> Matches)
{
    public int FalsePositives { get; } = Matches.Count(m => m == DetectionMatch.FalsePositive);

    public int Misses { get; } = Missed.Count(m => m);

    public int Errors => FalsePositives + Misses;

    /// <summary>Whether this frame's detections differ from the baseline run's; false when the baseline has no per-frame digests.</summary>
    public bool ChangedFromBaseline { get; init; }

    /// <summary>How many detections the baseline run had on this frame, when it changed.</summary>
    public int? BaselineDetections { get; init; }
}
