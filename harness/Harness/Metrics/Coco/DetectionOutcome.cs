namespace Harness.Metrics.Coco;

/// <summary>
/// What one detection counts as at one IoU threshold and area range. Bit 0 is "true positive" and bit 1 "false
/// positive", so cumulative counts need no branches.
/// </summary>
internal enum DetectionOutcome : byte
{
    /// <summary>Matched an ignored truth (crowd or outside the area range), or unmatched and itself outside the range.</summary>
    Ignored = 0,
    TruePositive = 1,
    FalsePositive = 2,
}
