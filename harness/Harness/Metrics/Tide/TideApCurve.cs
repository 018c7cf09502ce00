using Harness.Metrics.Coco;

namespace Harness.Metrics.Tide;

/// <summary>
/// One class's AP at one IoU threshold, fed its true and false positives in score order: pycocotools' accumulate()
/// (precision tp / (tp + fp + eps) at each true positive, made monotone from the right, read at the 101 recall
/// thresholds with a left searchsorted, 0 beyond the highest recall reached) and the mean over the thresholds. TIDE's
/// ap.py reads its curve the same way, without the epsilon.
/// </summary>
internal sealed class TideApCurve
{
    private readonly List<double> _hitPrecision = [];
    private double _truePositives;
    private double _falsePositives;

    public void Clear()
    {
        _hitPrecision.Clear();
        _truePositives = 0;
        _falsePositives = 0;
    }

    /// <summary>
    /// Adds <paramref name="copies"/> copies of one detection, as if each were in its own copy of the image: copies of
    /// one detection have one score, so they stand together in the score order and are counted one after another.
    /// </summary>
    public void Add(bool truePositive, float copies)
    {
        if (!truePositive)
        {
            _falsePositives += copies;
            return;
        }

        for (var i = 0; i < copies; i++)
        {
            _truePositives++;
            _hitPrecision.Add(_truePositives / (_truePositives + _falsePositives + CocoParameters.Epsilon));
        }
    }

    /// <summary>
    /// The AP against <paramref name="truths"/> truth boxes. An oracle can leave a class without truth (every one of
    /// them missed); it then has nothing left to find, and its AP is 1 without a false positive and 0 with one.
    /// </summary>
    public double Ap(double truths)
    {
        if (truths == 0)
        {
            return _falsePositives == 0 ? 1 : 0;
        }

        var hits = _hitPrecision.Count;
        for (var k = hits - 1; k > 0; k--)
        {
            _hitPrecision[k - 1] = Math.Max(_hitPrecision[k - 1], _hitPrecision[k]);
        }

        var sum = 0.0;
        var reached = 0;
        foreach (var threshold in CocoParameters.RecallThresholds)
        {
            while (reached < hits && (reached + 1) / truths < threshold)
            {
                reached++;
            }

            sum += reached < hits ? _hitPrecision[reached] : 0;
        }

        return sum / CocoParameters.RecallCount;
    }
}
