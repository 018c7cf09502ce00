namespace Harness.Clips.Rosbag2;

/// <summary>Writes one bag file in a storage plugin's layout; topics are numbered from 1 in the order added.</summary>
internal interface IRosbag2StorageWriter : IDisposable
{
    void AddTopic(int id, Rosbag2Topic topic, string schemaText);

    void Write(int topicId, long timestampNs, ReadOnlySpan<byte> data);
}
