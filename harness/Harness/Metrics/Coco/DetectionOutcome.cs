namespace Harness.Metrics.Coco;

/// <summary>What one detection counts as at one IoU threshold and area range.</summary>
internal enum DetectionOutcome : byte
{
    FalsePositive = 0,
    TruePositive = 1,

    /// <summary>Matched an ignored truth (crowd or outside the area range), or unmatched and itself outside the range.</summary>
    Ignored = 2,
}
