namespace Harness.Metrics.Coco;

/// <summary>
/// pycocotools' evalImgs for one category, concatenated over images in image order: each image contributes its
/// detections sorted by score (at most 100) with their rank inside the image, and one outcome per
/// (area range, IoU threshold, detection) laid out as [area][iou][detection].
/// </summary>
internal sealed class CategoryMatches(double[] scores, int[] ranks, DetectionOutcome[] outcomes, int[] truthCounts)
{
    public double[] Scores { get; } = scores;

    public int[] Ranks { get; } = ranks;

    public DetectionOutcome[] Outcomes { get; } = outcomes;

    /// <summary>Number of non-ignored truths per area range (npig).</summary>
    public int[] TruthCounts { get; } = truthCounts;

    public int Count => Scores.Length;

    public ReadOnlySpan<DetectionOutcome> OutcomesAt(int area, int iou) =>
        Outcomes.AsSpan(((area * CocoParameters.IouCount) + iou) * Count, Count);
}
