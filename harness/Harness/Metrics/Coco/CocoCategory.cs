namespace Harness.Metrics.Coco;

/// <summary>A COCO category: its id (not necessarily contiguous) and name.</summary>
public sealed record CocoCategory(int Id, string Name);
