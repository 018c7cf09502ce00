namespace Harness.Metrics.Flips;

/// <summary>
/// A baseline and a current false positive of one class that overlap (IoU &gt;= 0.5): a candidate for "the same false
/// positive in both runs". Sorts highest IoU first, then by positions, so greedy pairing is deterministic.
/// </summary>
internal readonly record struct FalsePositivePair(int Baseline, int Current, double Iou) : IComparable<FalsePositivePair>
{
    public int CompareTo(FalsePositivePair other)
    {
        var byIou = other.Iou.CompareTo(Iou);
        if (byIou != 0)
        {
            return byIou;
        }

        var byBaseline = Baseline.CompareTo(other.Baseline);
        return byBaseline != 0 ? byBaseline : Current.CompareTo(other.Current);
    }
}
