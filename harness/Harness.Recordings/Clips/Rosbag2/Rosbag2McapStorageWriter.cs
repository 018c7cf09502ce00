using System.Text;
using Harness.Clips.Mcap;

namespace Harness.Clips.Rosbag2;

/// <summary>
/// Writes MCAP as rosbag2's mcap plugin does: profile "ros2", one "ros2msg" schema per topic named by its message
/// type, channels with message encoding "cdr", log and publish time both the given timestamp.
/// </summary>
internal sealed class Rosbag2McapStorageWriter(string path) : IRosbag2StorageWriter
{
    private readonly McapWriter _writer = McapWriter.Create(path, new McapWriterOptions { Profile = "ros2" });
    private readonly Dictionary<int, uint> _sequences = [];

    public void AddTopic(int id, Rosbag2Topic topic, string schemaText)
    {
        var channelId = checked((ushort)id);
        _writer.AddSchema(new McapSchema(channelId, topic.Type, "ros2msg", Encoding.UTF8.GetBytes(schemaText)));
        _writer.AddChannel(new McapChannel(channelId, channelId, topic.Name, topic.SerializationFormat, new Dictionary<string, string> { ["offered_qos_profiles"] = "" }));
        _sequences[id] = 0;
    }

    public void Write(int topicId, long timestampNs, ReadOnlySpan<byte> data)
    {
        var time = checked((ulong)timestampNs);
        _writer.WriteMessage(checked((ushort)topicId), time, time, _sequences[topicId]++, data);
    }

    public void Dispose() => _writer.Dispose();
}
