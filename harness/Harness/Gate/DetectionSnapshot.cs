namespace Harness.Gate;

/// <summary>
/// Every frame's detections as a run reported them, stored beside a baseline's JSON
/// (<c>&lt;id&gt;.detections.verified.bin</c>) so a later run can be compared with it object by object.
/// </summary>
internal sealed record DetectionSnapshot(IReadOnlyList<SnapshotFrame> Frames);
