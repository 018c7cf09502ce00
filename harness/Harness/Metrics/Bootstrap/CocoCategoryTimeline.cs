using Harness.Metrics.Coco;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// One category's COCO matching, prepared once per run for re-accumulation under any frame weights: per area range,
/// the detections in pycocotools' global score order as events <c>image &lt;&lt; 5 | kind</c> for all ten IoU thresholds
/// at once, and per image the non-ignored truths (npig) per area and the true positives among its top 1 and top 10
/// detections (for AR1 and AR10).
/// </summary>
/// <remarks>
/// <para>
/// A detection that is a false positive at some threshold is "countable": it adds to a running count D shared by all
/// thresholds (kind <see cref="Countable"/>), and at the thresholds where it is a true positive or ignored it adds to
/// that threshold's "not false positive" count (kinds <see cref="CountedHit"/> + t, <see cref="CountedIgnore"/> + t).
/// Then FP at threshold t = D - notFP(t), exactly; so the many false positives cost one weight-row addition for all ten
/// thresholds instead of one each. A detection never a false positive adds only its true positives (kind
/// <see cref="Hit"/> + t). A detection's events are in that order: countable first, then by threshold.
/// </para>
/// <para>
/// Copies of a frame drawn several times share scores, so in an explicitly resampled clip they sit next to each other
/// in score order (ties broken by frame): weighting a detection by its frame's draw count is the same as repeating it.
/// That only departs from pycocotools' tie-break by image position when two different detections have bit-identical
/// scores.
/// </para>
/// </remarks>
internal sealed class CocoCategoryTimeline
{
    public const int TopCounts = 2;
    public const int KindBits = 5;
    public const int Countable = 0;
    public const int Hit = 1;
    public const int CountedHit = Hit + CocoParameters.IouCount;
    public const int CountedIgnore = CountedHit + CocoParameters.IouCount;

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

    public ReadOnlySpan<int> Events(int area) => _events.AsSpan(_eventStarts[area], _eventStarts[area + 1] - _eventStarts[area]);

    public static CocoCategoryTimeline Create(CategoryMatches matches)
    {
        var images = matches.Images;
        var imageOf = new int[matches.Count];
        for (var i = 0; i < images; i++)
        {
            imageOf.AsSpan(matches.ImageStarts[i], matches.ImageStarts[i + 1] - matches.ImageStarts[i]).Fill(i);
        }

        var order = ScoreOrder.SortAll(matches.Scores);
        var events = new List<int>(matches.Count * 2);
        var eventStarts = new int[CocoParameters.AreaCount + 1];
        for (var a = 0; a < CocoParameters.AreaCount; a++)
        {
            foreach (var position in order)
            {
                AddEvents(matches, a, position, imageOf[position] << KindBits, events);
            }

            eventStarts[a + 1] = events.Count;
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

    private static void AddEvents(CategoryMatches matches, int area, int position, int image, List<int> events)
    {
        var countable = false;
        for (var t = 0; t < CocoParameters.IouCount; t++)
        {
            countable |= matches.OutcomesAt(area, t)[position] == DetectionOutcome.FalsePositive;
        }

        if (countable)
        {
            events.Add(image | Countable);
        }

        for (var t = 0; t < CocoParameters.IouCount; t++)
        {
            var outcome = matches.OutcomesAt(area, t)[position];
            if (outcome == DetectionOutcome.TruePositive)
            {
                events.Add(image | ((countable ? CountedHit : Hit) + t));
            }
            else if (outcome == DetectionOutcome.Ignored && countable)
            {
                events.Add(image | (CountedIgnore + t));
            }
        }
    }
}
