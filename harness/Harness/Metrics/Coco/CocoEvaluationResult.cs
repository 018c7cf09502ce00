namespace Harness.Metrics.Coco;

/// <summary>
/// Result of a COCO bbox evaluation. Per-category dictionaries are keyed by category id and hold -1 for a category
/// without ground truth (pycocotools averages only values above -1).
/// </summary>
/// <param name="PerCategoryAP">AP over IoU 0.50:0.95, area all, maxDets 100.</param>
/// <param name="PerCategoryAP50">AP at IoU 0.50, area all, maxDets 100.</param>
/// <param name="PrecisionCurves">Precision-recall curve per category at IoU 0.50.</param>
public sealed record CocoEvaluationResult(
    CocoStats Stats,
    IReadOnlyDictionary<int, double> PerCategoryAP,
    IReadOnlyDictionary<int, double> PerCategoryAP50,
    IReadOnlyDictionary<int, CocoPrecisionCurve> PrecisionCurves);
