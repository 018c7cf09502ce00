namespace Harness.Metrics.Coco;

/// <summary>Detections of one image and category as columns (corners and box area), laid out for vector IoU.</summary>
internal readonly ref struct DetectionRows(
    ReadOnlySpan<double> x1,
    ReadOnlySpan<double> y1,
    ReadOnlySpan<double> x2,
    ReadOnlySpan<double> y2,
    ReadOnlySpan<double> boxArea)
{
    public ReadOnlySpan<double> X1 { get; } = x1;

    public ReadOnlySpan<double> Y1 { get; } = y1;

    public ReadOnlySpan<double> X2 { get; } = x2;

    public ReadOnlySpan<double> Y2 { get; } = y2;

    public ReadOnlySpan<double> BoxArea { get; } = boxArea;
}
