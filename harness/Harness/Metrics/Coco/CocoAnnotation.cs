namespace Harness.Metrics.Coco;

/// <summary>
/// A COCO ground-truth box: <c>bbox</c> is [x, y, width, height] in pixels; <paramref name="Area"/> is the annotation's
/// own <c>area</c> field, which COCO uses for the small/medium/large ranges (it is the mask area, not the box area).
/// <paramref name="Ignore"/> is the JSON <c>ignore</c> field; pycocotools overwrites it with <c>iscrowd</c>, so it is kept
/// for round trips but does not change the evaluation (see docs/metrics.md).
/// </summary>
public readonly record struct CocoAnnotation(
    long ImageId,
    int CategoryId,
    double X,
    double Y,
    double Width,
    double Height,
    double Area,
    bool IsCrowd = false,
    bool Ignore = false);
