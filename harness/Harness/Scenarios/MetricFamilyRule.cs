namespace Harness.Scenarios;

/// <summary>
/// How metrics of one family that no scenario gate names are judged: the change allowed against the baseline, the
/// support below which the metric never gates, and whether a sure regression fails (default: it warns).
/// <paramref name="Family"/> is a metric-name prefix (<c>coco/</c>, <c>recall@0.5</c>); the longest matching prefix wins.
/// </summary>
internal sealed record MetricFamilyRule(string Family, Tolerance MaxChange, int? MinSupport, bool Fails);
