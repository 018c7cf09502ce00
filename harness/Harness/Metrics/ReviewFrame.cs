using Harness.Metrics.Flips;

namespace Harness.Metrics;

/// <summary>
/// A frame kept for a reviewer to look at: its image, its truth (model class ids), its detections and what each one
/// matched at IoU 0.5. <see cref="Missed"/> is per truth box. <see cref="Image"/> is null where no image was kept:
/// an unchanged pass stores none unless asked to (<c>harness run --review-images always</c>).
/// </summary>
internal sealed record ReviewFrame(
    long FrameIndex,
    ReviewImage? Image,
    IReadOnlyList<TruthBox> Truth,
    IReadOnlyList<bool> Missed,
    IReadOnlyList<Detection> Detections,
    IReadOnlyList<DetectionMatch> Matches)
{
    public int FalsePositives { get; } = Matches.Count(m => m == DetectionMatch.FalsePositive);

    public int Misses { get; } = Missed.Count(m => m);

    public int Errors => FalsePositives + Misses;

    /// <summary>The baseline run's detections on this frame; null when the run was not compared with a baseline that has this frame.</summary>
    public IReadOnlyList<Detection>? BaselineDetections { get; init; }

    /// <summary>The objects and false positives that differ from the baseline run on this frame, most severe first.</summary>
    public IReadOnlyList<ObjectFlip> Flips { get; init; } = [];

    /// <summary>Whether any object flipped against the baseline on this frame.</summary>
    public bool ChangedFromBaseline => Flips.Count > 0;
}
