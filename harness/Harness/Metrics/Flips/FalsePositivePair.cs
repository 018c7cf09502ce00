namespace Harness.Metrics.Flips;

/// <summary>
/// A baseline and a current false positive that may be the same false positive in both runs. Sorts highest IoU
/// first, then by positions, so greedy pairing is deterministic.
/// </summary>
internal readonly record struct FalsePositivePair(int Baseline, int Current, double Iou) : IComparable<FalsePositivePair>
{
    /// <summary>
    /// The pairing rule: same class, and IoU &gt;= 0.5 or the bit-identical box. A box without area has IoU 0 even
    /// with itself, so IoU alone would report it as appeared and gone in a run that changed nothing. Identical boxes
    /// count as IoU 1, which ranks them ahead of boxes that merely overlap.
    /// </summary>
    public static bool TryCreate(int baseline, in Detection baselineBox, int current, in Detection currentBox, out FalsePositivePair pair)
    {
        pair = default;
        if (baselineBox.ClassId != currentBox.ClassId)
        {
            return false;
        }

        var iou = SameBox(baselineBox, currentBox) ? 1.0 : PixelOverlap.Iou(baselineBox, currentBox);
        if (iou < OperatingPointMatcher.MatchIou)
        {
            return false;
        }

        pair = new FalsePositivePair(baseline, current, iou);
        return true;
    }

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

    private static bool SameBox(in Detection a, in Detection b) =>
        BitConverter.SingleToInt32Bits(a.X1) == BitConverter.SingleToInt32Bits(b.X1)
        && BitConverter.SingleToInt32Bits(a.Y1) == BitConverter.SingleToInt32Bits(b.Y1)
        && BitConverter.SingleToInt32Bits(a.X2) == BitConverter.SingleToInt32Bits(b.X2)
        && BitConverter.SingleToInt32Bits(a.Y2) == BitConverter.SingleToInt32Bits(b.Y2);
}
