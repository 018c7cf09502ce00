namespace Harness.Results;

/// <summary>One scored frame's truth as <see cref="TruthSnapshotFormat"/> stores it: the frame's detections are in the detection snapshot beside it.</summary>
internal sealed record TruthFrame(long Index, long TimestampNs, IReadOnlyList<TruthBox> Truth);
