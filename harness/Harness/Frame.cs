namespace Harness;

/// <summary>One synchronized step of a replay clip: the camera image, optional lidar, and ground truth.</summary>
public sealed record Frame(long Index, long TimestampNs, CameraImage Image, IReadOnlyList<TruthBox> Truth, LidarScan? Lidar = null);
