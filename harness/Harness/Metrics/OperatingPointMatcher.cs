namespace Harness.Metrics;

/// <summary>
/// Matches one frame's detections to its truth at the operating point, the one place the rules live (the operating-
/// point counts, the object flips against a baseline and the report's review frames all read its results): in
/// descending score order (<see cref="Coco.StableScoreOrder"/>, ties by position) each detection takes the unmatched non-ignore
/// truth of its class with the highest IoU &gt;= 0.5 (ties: the first such truth); one that takes none is ignored when
/// at least half of it lies in an ignore region of its class or of any class (negative class id), else it is a false
/// positive. Ignore regions are never missed. Matching is per class, so one score order over all detections gives each
/// class the order it would have alone. Buffers are reused: matching allocates nothing once they have grown.
/// </summary>
internal sealed class OperatingPointMatcher
{
    public const double MatchIou = 0.5;
    public const double IgnoreCoverage = 0.5;

    private double[] _scores = new double[64];
    private double[] _keys = new double[64];
    private int[] _order = new int[64];
    private DetectionMatch[] _matches = new DetectionMatch[64];
    private int[] _matchedBy = new int[64];
    private int _detections;
    private int _truths;

    /// <summary>Per detection of the last <see cref="Match"/>, in the order they were given.</summary>
    public ReadOnlySpan<DetectionMatch> Matches => _matches.AsSpan(0, _detections);

    /// <summary>Per truth box of the last <see cref="Match"/>: the position of the detection that took it, or -1.</summary>
    public ReadOnlySpan<int> MatchedBy => _matchedBy.AsSpan(0, _truths);

    public FrameErrors Match(IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        _detections = detections.Count;
        _truths = truth.Count;
        Grow(Math.Max(_detections, _truths));
        for (var d = 0; d < _detections; d++)
        {
            _scores[d] = detections[d].Score;
        }

        _matchedBy.AsSpan(0, _truths).Fill(-1);
        Coco.StableScoreOrder.Sort(_scores.AsSpan(0, _detections), _keys, _order);
        var falsePositives = 0;
        for (var i = 0; i < _detections; i++)
        {
            var d = _order[i];
            var best = BestTruth(detections[d], truth);
            if (best >= 0)
            {
                _matchedBy[best] = d;
                _matches[d] = DetectionMatch.Matched;
            }
            else if (InIgnoreRegion(detections[d], truth))
            {
                _matches[d] = DetectionMatch.Ignored;
            }
            else
            {
                _matches[d] = DetectionMatch.FalsePositive;
                falsePositives++;
            }
        }

        var misses = 0;
        for (var t = 0; t < _truths; t++)
        {
            if (Scored(truth[t]) && _matchedBy[t] < 0)
            {
                misses++;
            }
        }

        return new FrameErrors(falsePositives, misses);
    }

    /// <summary>Ignore regions and truth of no model class are never missed.</summary>
    public static bool Scored(TruthBox box) => !box.Ignore && box.ClassId >= 0;

    /// <summary>
    /// The matching rule every search for a partner shares: the first candidate at IoU &gt;= 0.5 is taken, and a later
    /// one only when strictly better, so ties go to the earlier candidate. <paramref name="bestIou"/> starts at
    /// <see cref="MatchIou"/> with <paramref name="best"/> at -1.
    /// </summary>
    internal static bool IsBetterMatch(double iou, int best, double bestIou) => iou >= bestIou && (best < 0 || iou > bestIou);

    private int BestTruth(in Detection detection, IReadOnlyList<TruthBox> truth)
    {
        var best = -1;
        var bestIou = MatchIou;
        for (var t = 0; t < truth.Count; t++)
        {
            if (_matchedBy[t] >= 0 || truth[t].ClassId != detection.ClassId || !Scored(truth[t]))
            {
                continue;
            }

            var iou = PixelOverlap.Iou(detection, truth[t]);
            if (IsBetterMatch(iou, best, bestIou))
            {
                best = t;
                bestIou = iou;
            }
        }

        return best;
    }

    private static bool InIgnoreRegion(in Detection detection, IReadOnlyList<TruthBox> truth)
    {
        for (var t = 0; t < truth.Count; t++)
        {
            var region = truth[t];
            if (region.Ignore && (region.ClassId == detection.ClassId || region.ClassId < 0) && PixelOverlap.CoveredFraction(detection, region) >= IgnoreCoverage)
            {
                return true;
            }
        }

        return false;
    }

    private void Grow(int count)
    {
        if (_scores.Length < count)
        {
            var size = Math.Max(count, _scores.Length * 2);
            _scores = new double[size];
            _keys = new double[size];
            _order = new int[size];
            _matches = new DetectionMatch[size];
            _matchedBy = new int[size];
        }
    }
}
