namespace Harness.Clips.Rosbag2;

/// <summary>One serialized message as a bag stores it: its topic, the recorder's receive time and the CDR bytes.</summary>
internal readonly record struct Rosbag2Message(Rosbag2Topic Topic, long TimestampNs, ReadOnlyMemory<byte> Data);
