namespace Harness.Metrics.Coco;

/// <summary>
/// pycocotools' evalImgs for one category, concatenated over images in image order: each image contributes its
/// detections sorted by score (at most 100) with their rank inside the image, and one outcome per
/// (area range, IoU threshold, detection) laid out as [area][iou][detection]. The image boundaries and per-image truth
/// counts let a bootstrap re-weight images without matching again.
/// </summary>
internal sealed class CategoryMatches(double[] scores, int[] ranks, DetectionOutcome[] outcomes, int[] truthCounts, int[] imageStarts,
    int[] imageTruthCounts)
{
    public double[] Scores { get; } = scores;

    public int[] Ranks { get; } = ranks;

    public DetectionOutcome[] Outcomes { get; } = outcomes;

    /// <summary>Number of non-ignored truths per area range (npig).</summary>
    public int[] TruthCounts { get; } = truthCounts;

    /// <summary>Image i's detections are positions [ImageStarts[i], ImageStarts[i + 1]).</summary>
    public int[] ImageStarts { get; } = imageStarts;

    /// <summary>Non-ignored truths per area range and image, laid out as [area][image].</summary>
    public int[] ImageTruthCounts { get; } = imageTruthCounts;

    public int Images => ImageStarts.Length - 1;

    public int Count => Scores.Length;

    public ReadOnlySpan<DetectionOutcome> OutcomesAt(int area, int iou) =>
        Outcomes.AsSpan(((area * CocoParameters.IouCount) + iou) * Count, Count);
}
