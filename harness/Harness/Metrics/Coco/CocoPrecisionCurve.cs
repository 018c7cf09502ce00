namespace Harness.Metrics.Coco;

/// <summary>
/// Interpolated precision of one category at IoU 0.50, area all, maxDets 100, sampled at the 101 recall thresholds
/// 0, 0.01, ..., 1 (pycocotools' precision[0, :, k, 0, 2]). Precision is -1 throughout when the category has no
/// ground truth, and 0 at recalls the detections never reach.
/// </summary>
public sealed record CocoPrecisionCurve(IReadOnlyList<double> Recall, IReadOnlyList<double> Precision);
