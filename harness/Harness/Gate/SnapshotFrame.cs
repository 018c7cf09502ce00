namespace Harness.Gate;

/// <summary>One frame of a <see cref="DetectionSnapshot"/>: its index in the clip and its detections in the order reported.</summary>
internal sealed record SnapshotFrame(long Index, IReadOnlyList<Detection> Detections);
