namespace Harness.Metrics;

/// <summary>
/// Which recall slices (<see cref="MetricNames.RecallSlices"/>, same order) a truth box belongs to. Ranges, sizes and
/// occlusion bands are half-open [lower, upper); a box without a range is in no range slice. KITTI difficulties are
/// cumulative (every easy box is also moderate and hard).
/// </summary>
internal static class TruthSlices
{
    public const int Count = 12;

    /// <summary>COCO's small/medium/large bounds on box area (32² and 96² px).</summary>
    public const double SmallAreaLimit = 32 * 32;
    public const double MediumAreaLimit = 96 * 96;

    public const float NoOcclusionLimit = 0.1f;
    public const float PartialOcclusionLimit = 0.5f;

    private const int RangeStart = 0;
    private const int SizeStart = 3;
    private const int OcclusionStart = 6;
    private const int KittiStart = 9;

    /// <summary>KITTI minimum box heights (px) for easy, moderate, hard.</summary>
    private static readonly float[] KittiMinHeight = [40, 25, 25];

    /// <summary>KITTI maximum occlusion level (0 fully visible, 1 partly, 2 largely occluded) for easy, moderate, hard.</summary>
    private static readonly int[] KittiMaxOcclusionLevel = [0, 1, 2];

    public static void Classify(TruthBox truth, Span<bool> member)
    {
        member[..Count].Clear();
        if (truth.RangeMeters is { } range && range >= 0)
        {
            member[RangeStart + (range < 30 ? 0 : range < 50 ? 1 : 2)] = true;
        }

        var area = (double)truth.Width * truth.Height;
        member[SizeStart + (area < SmallAreaLimit ? 0 : area < MediumAreaLimit ? 1 : 2)] = true;

        var level = OcclusionLevel(truth.Occlusion);
        member[OcclusionStart + level] = true;
        for (var d = 0; d < 3; d++)
        {
            member[KittiStart + d] = truth.Height >= KittiMinHeight[d] && level <= KittiMaxOcclusionLevel[d];
        }
    }

    /// <summary>Occlusion fraction to the KITTI occlusion level, which is also the occlusion slice index.</summary>
    private static int OcclusionLevel(float occlusion) =>
        occlusion < NoOcclusionLimit ? 0 : occlusion < PartialOcclusionLimit ? 1 : 2;
}
