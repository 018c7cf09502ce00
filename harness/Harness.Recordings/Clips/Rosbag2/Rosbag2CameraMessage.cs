namespace Harness.Clips.Rosbag2;

/// <summary>How <see cref="Rosbag2ClipWriter"/> stores camera frames: raw sensor_msgs/msg/Image or PNG sensor_msgs/msg/CompressedImage.</summary>
public enum Rosbag2CameraMessage
{
    Image,
    CompressedImage,
}
