namespace Harness.Metrics.Coco;

/// <summary>
/// pycocotools' evalImgs for one category, concatenated over images in image order: each image contributes its
/// detections sorted by score (at most 100) with their rank inside the image, and one outcome per
/// (area range, IoU threshold, detection) laid out as [area][iou][detection]. The image boundaries and per-image truth
/// counts let a bootstrap re-weight images without matching again; the input position of each detection and the
/// truth it matched at IoU 0.5 over all areas let it re-weight finer units than images.
/// </summary>
internal sealed class CategoryMatches(double[] scores, int[] ranks, DetectionOutcome[] outcomes, int[] truthCounts, int[] imageStarts,
    int[] imageTruthCounts, int[] detections, int[] matchedTruths)
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

    /// <summary>Per position, the detection's index in <see cref="CocoInput.Detections"/>.</summary>
    public int[] Detections { get; } = detections;

    /// <summary>Per position, the annotation index it matched at IoU 0.5 and area all, or -1 (unmatched, or matched to a crowd region).</summary>
    public int[] MatchedTruths { get; } = matchedTruths;

    public int Images => ImageStarts.Length - 1;

    public int Count => Scores.Length;

    public ReadOnlySpan<DetectionOutcome> OutcomesAt(int area, int iou) =>
        Outcomes.AsSpan(((area * CocoParameters.IouCount) + iou) * Count, Count);
}
