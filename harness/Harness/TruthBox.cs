namespace Harness;

/// <summary>
/// A ground-truth object in image pixels (top-left origin, width/height).
/// <paramref name="Occlusion"/> is the hidden fraction in [0, 1]; <paramref name="RangeMeters"/> is the distance from
/// the ego sensor where the data has it; <paramref name="Ignore"/> marks regions (KITTI DontCare, COCO iscrowd) that
/// neither count as misses nor make detections inside them false positives.
/// </summary>
public sealed record TruthBox(
    int ClassId,
    float X,
    float Y,
    float Width,
    float Height,
    int TrackId = -1,
    float Occlusion = 0f,
    float? RangeMeters = null,
    bool Ignore = false,
    Box3D? Box3D = null);
