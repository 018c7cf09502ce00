namespace Harness.Clips.Mcap;

/// <summary>A topic and how its messages are encoded; <paramref name="SchemaId"/> 0 means schemaless.</summary>
internal sealed record McapChannel(ushort Id, ushort SchemaId, string Topic, string MessageEncoding, IReadOnlyDictionary<string, string> Metadata)
{
    public McapChannel(ushort id, ushort schemaId, string topic, string messageEncoding)
        : this(id, schemaId, topic, messageEncoding, new Dictionary<string, string>())
    {
    }
}
