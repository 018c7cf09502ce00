namespace Harness.Clips.Rosbag2;

/// <summary>A bag topic: its name, ROS 2 message type (e.g. "sensor_msgs/msg/Image") and serialization format ("cdr").</summary>
internal sealed record Rosbag2Topic(string Name, string Type, string SerializationFormat)
{
    public override string ToString() => $"{Name} ({Type})";
}
