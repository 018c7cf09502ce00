using Harness.Metrics.Coco;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// One category's COCO matching, prepared once per run for re-accumulation under any unit weights: per area range,
/// the detections in pycocotools' global score order as events <c>unit &lt;&lt; 5 | kind</c> for all ten IoU thresholds
/// at once, and per resampling unit the non-ignored truths (npig) per area and the true positives among their images'
/// top 1 and top 10 detections (for AR1 and AR10). A detection's unit is that of the truth it matched at IoU 0.5 over
/// all areas, else the one <see cref="ResamplingUnits.DetectionUnit"/> gives it; every event of the detection carries
/// that one unit, so its false-positive count stays consistent across thresholds. Where a stricter threshold or
/// another area range pairs it with a different truth (two truths of one class overlapping each other by more than
/// half), the pair's tracks are weighed by the first truth's draw: a resample may then count that one detection with
/// the other track's weight.
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
/// Copies of a unit drawn several times share scores, so in an explicitly resampled clip they sit next to each other
/// in score order (ties broken by position): weighting a detection by its unit's draw count is the same as repeating it.
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

    private CocoCategoryTimeline(int units, int[] events, int[] eventStarts, int[] unitTruthCounts, int[] topHits, int[] truthCounts)
    {
        Units = units;
        _events = events;
        _eventStarts = eventStarts;
        UnitTruthCounts = unitTruthCounts;
        TopHits = topHits;
        TruthCounts = truthCounts;
    }

    public int Units { get; }

    /// <summary>npig per area range and unit, laid out as [area][unit].</summary>
    public int[] UnitTruthCounts { get; }

    /// <summary>True positives at area all among their image's top 1 (index 0) and top 10 (index 1) detections, per unit, as [top][iou][unit].</summary>
    public int[] TopHits { get; }

    /// <summary>npig per area range over the whole run.</summary>
    public int[] TruthCounts { get; }

    public ReadOnlySpan<int> Events(int area) => _events.AsSpan(_eventStarts[area], _eventStarts[area + 1] - _eventStarts[area]);

    /// <param name="input">The evaluation input the matches were made on.</param>
    /// <param name="category">The category index the matches are of.</param>
    /// <param name="annotationUnits">The unit of every annotation of <paramref name="input"/>.</param>
    /// <param name="detectionUnits">The unit of every detection of <paramref name="input"/> that matches no truth.</param>
    public static CocoCategoryTimeline Create(CategoryMatches matches, CocoInput input, int category, int units,
        ReadOnlySpan<int> annotationUnits, ReadOnlySpan<int> detectionUnits)
    {
        var unitOf = new int[matches.Count];
        for (var p = 0; p < unitOf.Length; p++)
        {
            var truth = matches.MatchedTruths[p];
            unitOf[p] = truth >= 0 ? annotationUnits[truth] : detectionUnits[matches.Detections[p]];
        }

        var truthCounts = new int[CocoParameters.AreaCount * units];
        for (var i = 0; i < matches.Images; i++)
        {
            foreach (var g in input.TruthBuckets[input.Bucket(category, i)])
            {
                for (var a = 0; a < CocoParameters.AreaCount; a++)
                {
                    truthCounts[(a * units) + annotationUnits[g]] += CocoCategoryMatcher.Counts(input, g, a) ? 1 : 0;
                }
            }
        }

        var order = StableScoreOrder.SortAll(matches.Scores);
        var events = new List<int>(matches.Count * 2);
        var eventStarts = new int[CocoParameters.AreaCount + 1];
        for (var a = 0; a < CocoParameters.AreaCount; a++)
        {
            foreach (var position in order)
            {
                AddEvents(matches, a, position, unitOf[position] << KindBits, events);
            }

            eventStarts[a + 1] = events.Count;
        }

        var topHits = new int[TopCounts * CocoParameters.IouCount * units];
        for (var top = 0; top < TopCounts; top++)
        {
            for (var t = 0; t < CocoParameters.IouCount; t++)
            {
                var outcomes = matches.OutcomesAt(CocoParameters.AreaAll, t);
                for (var p = 0; p < matches.Count; p++)
                {
                    if (matches.Ranks[p] < CocoParameters.MaxDetections[top] && outcomes[p] == DetectionOutcome.TruePositive)
                    {
                        topHits[(((top * CocoParameters.IouCount) + t) * units) + unitOf[p]]++;
                    }
                }
            }
        }

        return new CocoCategoryTimeline(units, [.. events], eventStarts, truthCounts, topHits, matches.TruthCounts);
    }

    private static void AddEvents(CategoryMatches matches, int area, int position, int unit, List<int> events)
    {
        var countable = false;
        for (var t = 0; t < CocoParameters.IouCount; t++)
        {
            countable |= matches.OutcomesAt(area, t)[position] == DetectionOutcome.FalsePositive;
        }

        if (countable)
        {
            events.Add(unit | Countable);
        }

        for (var t = 0; t < CocoParameters.IouCount; t++)
        {
            var outcome = matches.OutcomesAt(area, t)[position];
            if (outcome == DetectionOutcome.TruePositive)
            {
                events.Add(unit | ((countable ? CountedHit : Hit) + t));
            }
            else if (outcome == DetectionOutcome.Ignored && countable)
            {
                events.Add(unit | (CountedIgnore + t));
            }
        }
    }
}
