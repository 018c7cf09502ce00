namespace Harness.Metrics.Tide;

/// <summary>
/// A TIDE breakdown of a whole clip or dataset: pooled (the mean over the classes with truth, as <c>coco/AP50</c>
/// averages; null when no class has any) and per class index (null for a class without truth, whose AP is undefined).
/// </summary>
internal sealed record TideEvaluation(TideBreakdown? Pooled, IReadOnlyList<TideBreakdown?> Classes);
