namespace Harness.Metrics.Tide;

/// <summary>
/// A detection of one image: class index, corners, area and score, in double as COCO computes IoU. The area is given
/// rather than derived because COCO takes a result's width * height, which need not equal the corners' difference.
/// </summary>
internal readonly record struct TideDetection(int ClassId, double X1, double Y1, double X2, double Y2, double Area, double Score)
{
    /// <summary>From a COCO result's [x, y, width, height], corners and area as <see cref="Coco.CocoCategoryMatcher"/> makes them.</summary>
    public static TideDetection FromXywh(int classId, double x, double y, double width, double height, double score) =>
        new(classId, x, y, width + x, height + y, width * height, score);

    /// <summary>From corners, the area as <see cref="PixelOverlap"/> computes a detection's.</summary>
    public static TideDetection FromCorners(int classId, double x1, double y1, double x2, double y2, double score) =>
        new(classId, x1, y1, x2, y2, (x2 - x1) * (y2 - y1), score);
}
