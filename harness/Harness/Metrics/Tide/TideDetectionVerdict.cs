using Harness.Metrics.Coco;

namespace Harness.Metrics.Tide;

/// <summary>
/// What one detection of an image counts as at IoU 0.5, its main error type if it is not a true positive, and what
/// that error's oracle makes of it: a true positive of <paramref name="FixedClass"/>, or removed when that is -1.
/// </summary>
internal readonly record struct TideDetectionVerdict(DetectionOutcome Outcome, TideError? Error, int FixedClass)
{
    public static TideDetectionVerdict TruePositive { get; } = new(DetectionOutcome.TruePositive, null, -1);

    /// <summary>In an ignore region, or past the per-class cap: neither true nor false positive.</summary>
    public static TideDetectionVerdict Ignored { get; } = new(DetectionOutcome.Ignored, null, -1);

    public static TideDetectionVerdict FalsePositive { get; } = new(DetectionOutcome.FalsePositive, null, -1);
}
