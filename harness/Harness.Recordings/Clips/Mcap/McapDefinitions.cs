namespace Harness.Clips.Mcap;

/// <summary>
/// The schemas and channels of one file by id, gathered wherever they are met: the summary, a scan of the data
/// section, or the chunks a read loads. A definition may be repeated in all of these; the first one of an id wins.
/// </summary>
internal sealed class McapDefinitions
{
    public Dictionary<ushort, McapSchema> Schemas { get; } = [];

    public Dictionary<ushort, McapChannel> Channels { get; } = [];

    public void Add(McapSchema schema) => Schemas.TryAdd(schema.Id, schema);

    public void Add(McapChannel channel) => Channels.TryAdd(channel.Id, channel);

    /// <summary>Parses a Schema or Channel record and adds what it defines.</summary>
    public void Add(McapOpcode opcode, ReadOnlyMemory<byte> content, McapRecordLocation at)
    {
        if (opcode == McapOpcode.Schema)
        {
            Add(McapRecordParser.Schema(content, at));
        }
        else
        {
            Add(McapRecordParser.Channel(content, at));
        }
    }
}
