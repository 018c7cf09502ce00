namespace Harness.Metrics.Coco;

/// <summary>A truth box as corners (x + width computed in double, as COCO does) plus its box area and crowd flag.</summary>
internal readonly record struct TruthBoxGeometry(double X1, double Y1, double X2, double Y2, double BoxArea, bool IsCrowd)
{
    public static TruthBoxGeometry FromXywh(double x, double y, double width, double height, bool isCrowd) =>
        new(x, y, width + x, height + y, width * height, isCrowd);
}
