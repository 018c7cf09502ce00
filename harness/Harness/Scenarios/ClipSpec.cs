namespace Harness.Scenarios;

/// <summary>
/// Where the frames come from and which channels carry camera, truth and lidar; <paramref name="CameraInfo"/> is a
/// ROS 2 bag's sensor_msgs/msg/CameraInfo topic, checked against every camera frame when given.
/// </summary>
public sealed record ClipSpec(string Source, string? Sha256, string Camera, string Truth, string? Lidar, string? CameraInfo = null)
{
    /// <summary>The camera topic when a scenario names none: the one the synthetic clips are written with.</summary>
    public const string DefaultCameraTopic = "/camera/front";

    /// <summary>The truth topic when a scenario names none: the one the synthetic clips are written with.</summary>
    public const string DefaultTruthTopic = "/truth/front";
}
