using Harness.Metrics.Coco;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// One category's COCO matching, prepared once per run for re-accumulation under any frame weights: per (area range,
/// IoU threshold) the non-ignored detections in pycocotools' global score order, each as an event
/// <c>image &lt;&lt; 1 | isTruePositive</c>; per image the non-ignored truths (npig) per area and the true positives among
/// its top 1 and top 10 detections (for AR1 and AR10).
/// </summary>
/// <remarks>
/// Copies of a frame drawn several times share scores, so in an explicitly resampled clip they sit next to each other
/// in score order (ties broken by frame): weighting a detection by its frame's draw count is the same as repeating it.
/// That only departs from pycocotools' tie-break by image position when two different detections have bit-identical
/// scores.
/// </remarks>
internal sealed class CocoCategoryTimeline
{
    public const int TopCounts = 2;
    private const int Settings = CocoParameters.AreaCount * CocoParameters.IouCount;

    private readonly int[] _events;
    private readonly int[] _eventStarts;

    private CocoCategoryTimeline(int images, int[] events, int[] eventStarts, int[] imageTruthCounts, int[] topHits, int[] truthCounts)
    {
        Images = images;
        _events = events;
        _eventStarts = eventStarts;
        ImageTruthCounts = imageTruthCounts;
        TopHits = topHits;
        TruthCounts = truthCounts;
    }

    public int Images { get; }

    /// <summary>npig per area range and image, laid out as [area][image].</summary>
    public int[] ImageTruthCounts { get; }

    /// <summary>True positives at area all among each image's top 1 (index 0) and top 10 (index 1) detections, as [top][iou][image].</summary>
    public int[] TopHits { get; }

    /// <summary>npig per area range over the whole run.</summary>
    public int[] TruthCounts { get; }

    public ReadOnlySpan<int> Events(int area, int iou)
    {
        var setting = (area * CocoParameters.IouCount) + iou;
        return _events.AsSpan(_eventStarts[setting], _eventStarts[setting + 1] - _eventStarts[setting]);
    }

    public static CocoCategoryTimeline Create(CategoryMatches matches)
    {
        var images = matches.Images;
        var imageOf = new int[matches.Count];
        for (var i = 0; i < images; i++)
        {
            imageOf.AsSpan(matches.ImageStarts[i], matches.ImageStarts[i + 1] - matches.ImageStarts[i]).Fill(i);
        }

        var order = ScoreOrder.SortAll(matches.Scores);
        var events = new List<int>(matches.Count * Settings / 2);
        var eventStarts = new int[Settings + 1];
        for (var a = 0; a < CocoParameters.AreaCount; a++)
        {
            for (var t = 0; t < CocoParameters.IouCount; t++)
            {
                var outcomes = matches.OutcomesAt(a, t);
                foreach (var position in order)
                {
                    var outcome = outcomes[position];
                    if (outcome != DetectionOutcome.Ignored)
                    {
                        events.Add((imageOf[position] << 1) | (outcome == DetectionOutcome.TruePositive ? 1 : 0));
                    }
                }

                eventStarts[(a * CocoParameters.IouCount) + t + 1] = events.Count;
            }
        }

        var topHits = new int[TopCounts * CocoParameters.IouCount * images];
        for (var top = 0; top < TopCounts; top++)
        {
            for (var t = 0; t < CocoParameters.IouCount; t++)
            {
                var outcomes = matches.OutcomesAt(CocoParameters.AreaAll, t);
                for (var p = 0; p < matches.Count; p++)
                {
                    if (matches.Ranks[p] < CocoParameters.MaxDetections[top] && outcomes[p] == DetectionOutcome.TruePositive)
                    {
                        topHits[(((top * CocoParameters.IouCount) + t) * images) + imageOf[p]]++;
                    }
                }
            }
        }

        return new CocoCategoryTimeline(images, [.. events], eventStarts, matches.ImageTruthCounts, topHits, matches.TruthCounts);
    }
}
