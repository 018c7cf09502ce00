using Harness.Clips;
using Harness.Metrics;
using Harness.Postprocessing;

namespace Harness.Running;

/// <summary>
/// Matches one frame's detections to its truth per detection, with the rules of the operating-point metrics: in
/// descending score order (ties by position) each detection takes the unmatched non-ignore truth of its class with the
/// highest IoU &gt;= 0.5; one that takes none is ignored when at least half of it lies in an ignore region of its
/// class (or of any class), else it is a false positive. The metrics keep only counts; reports need to know which box
/// is which. Buffers are reused, so matching allocates nothing once they have grown.
/// </summary>
internal sealed class FrameMatcher
{
    private const double MatchIou = 0.5;
    private const double IgnoreCoverage = 0.5;

    private double[] _scores = new double[64];
    private double[] _keys = new double[64];
    private int[] _order = new int[64];
    private DetectionMatch[] _matches = new DetectionMatch[64];
    private bool[] _truthMatched = new bool[64];
    private int _detections;
    private int _truths;

    /// <summary>Per detection of the last <see cref="Match"/>, in the order they were given.</summary>
    public ReadOnlySpan<DetectionMatch> Matches => _matches.AsSpan(0, _detections);

    /// <summary>Per truth box of the last <see cref="Match"/>: whether a detection took it.</summary>
    public ReadOnlySpan<bool> TruthMatched => _truthMatched.AsSpan(0, _truths);

    public FrameErrors Match(IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        _detections = detections.Count;
        _truths = truth.Count;
        Grow(Math.Max(_detections, _truths));
        for (var d = 0; d < _detections; d++)
        {
            _scores[d] = detections[d].Score;
        }

        Array.Clear(_truthMatched, 0, _truths);
        Metrics.Coco.ScoreOrder.Sort(_scores.AsSpan(0, _detections), _keys, _order);
        var falsePositives = 0;
        for (var i = 0; i < _detections; i++)
        {
            var d = _order[i];
            var best = BestTruth(detections[d], truth);
            if (best >= 0)
            {
                _truthMatched[best] = true;
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
            if (Scored(truth[t]) && !_truthMatched[t])
            {
                misses++;
            }
        }

        return new FrameErrors(falsePositives, misses);
    }

    /// <summary>Ignore regions and truth of no model class are never missed.</summary>
    internal static bool Scored(TruthBox box) => !box.Ignore && box.ClassId >= 0;

    private int BestTruth(in Detection detection, IReadOnlyList<TruthBox> truth)
    {
        var best = -1;
        var bestIou = MatchIou;
        for (var t = 0; t < truth.Count; t++)
        {
            if (_truthMatched[t] || truth[t].ClassId != detection.ClassId || !Scored(truth[t]))
            {
                continue;
            }

            var iou = PixelOverlap.Iou(detection, truth[t]);
            if (iou >= bestIou && (best < 0 || iou > bestIou))
            {
                best = t;
                bestIou = iou;
            }
        }

        return best;
    }

    private static bool InIgnoreRegion(in Detection detection, IReadOnlyList<TruthBox> truth)
    {
        foreach (var region in truth)
        {
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
            _truthMatched = new bool[size];
        }
    }
}
