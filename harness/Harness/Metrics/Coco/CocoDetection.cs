namespace Harness.Metrics.Coco;

/// <summary>A COCO result entry: <c>bbox</c> is [x, y, width, height] in pixels; its area is width * height (loadRes).</summary>
public readonly record struct CocoDetection(long ImageId, int CategoryId, double X, double Y, double Width, double Height, double Score);
