using Harness.Clips.Mcap;

namespace Harness.Clips.Rosbag2;

/// <summary>
/// A rosbag2 MCAP file: profile "ros2", one schema per message type (encoding "ros2msg", named like
/// "sensor_msgs/msg/Image"), channels with message encoding "cdr", log time = the recorder's receive time.
/// </summary>
internal sealed class Rosbag2McapStorage(McapReader reader) : IRosbag2Storage
{
    private readonly Dictionary<ushort, Rosbag2Topic> _topics = [];

    public string FileName => reader.FileName;

    public IReadOnlyList<Rosbag2Topic> Topics => [.. reader.Channels.Values.OrderBy(channel => channel.Id).Select(TopicOf)];

    public static Rosbag2McapStorage Open(string path) => new(McapReader.Open(path));

    public IEnumerable<Rosbag2Message> ReadMessages(IReadOnlySet<string> topics, CancellationToken cancellationToken)
    {
        foreach (var message in reader.ReadMessages(new McapReadOptions { Topics = topics }, cancellationToken))
        {
            yield return new Rosbag2Message(TopicOf(message.Channel), checked((long)message.LogTime), message.Data);
        }
    }

    public void Dispose() => reader.Dispose();

    private Rosbag2Topic TopicOf(McapChannel channel)
    {
        if (!_topics.TryGetValue(channel.Id, out var topic))
        {
            var type = reader.Schemas.TryGetValue(channel.SchemaId, out var schema) ? schema.Name : "(no schema)";
            topic = _topics[channel.Id] = new Rosbag2Topic(channel.Topic, type, channel.MessageEncoding);
        }

        return topic;
    }
}
