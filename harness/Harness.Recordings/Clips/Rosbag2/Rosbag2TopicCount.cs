namespace Harness.Clips.Rosbag2;

/// <summary>A topic and how many messages metadata.yaml says the bag holds on it.</summary>
internal sealed record Rosbag2TopicCount(Rosbag2Topic Topic, long MessageCount);
