using Harness.Metrics.Coco;

namespace Harness.Metrics;

/// <summary>
/// Everything measured on one scenario run: named metrics (ordinal key order, see <see cref="MetricNames"/>) and the
/// COCO precision-recall curve at IoU 0.50 per class name (absent for a class without truth).
/// </summary>
public sealed record ScenarioMetrics(
    int Frames,
    IReadOnlyDictionary<string, double> Values,
    IReadOnlyDictionary<string, CocoPrecisionCurve> PrecisionCurves);
