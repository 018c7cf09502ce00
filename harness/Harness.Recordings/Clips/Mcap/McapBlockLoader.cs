using System.Globalization;

namespace Harness.Clips.Mcap;

/// <summary>
/// Loads the blocks a read reaches: a chunk decompressed and its records walked, or a loose message, keeping the
/// wanted messages sorted for the merge and adding the definitions met on the way to the file's
/// <see cref="McapDefinitions"/>.
/// </summary>
internal sealed class McapBlockLoader
{
    private readonly McapFile _file;
    private readonly McapDefinitions _definitions;
    private readonly Dictionary<ushort, McapChannel> _channels;
    private readonly long _dataEnd;
    private readonly HashSet<long> _definitionsScanned = [];

    /// <param name="dataEnd">Where the data section must end by (the summary start or the footer).</param>
    public McapBlockLoader(McapFile file, McapDefinitions definitions, long dataEnd)
    {
        _file = file;
        _definitions = definitions;
        _channels = definitions.Channels;
        _dataEnd = dataEnd;
    }

    public McapLoadedBlock Load(McapBlock block, McapReadOptions options, List<McapBlock> allChunks)
    {
        if (!block.IsChunk)
        {
            var content = _file.ReadRecord(block.Offset, McapOpcode.Message, _dataEnd);
            var at = _file.At(block.Offset, McapOpcode.Message);
            var message = McapRecordParser.Message(content, at);
            RequireChannel(message.ChannelId, at, block, allChunks);
            var wanted = options.Includes(message.LogTime) && IsWantedTopic(message.ChannelId, options);
            var dataOffset = content.Length - message.Data.Length;
            McapLoadedBlock.Entry[] single = wanted
                ? [new(message.LogTime, 0, dataOffset, message.Data.Length, message.ChannelId, message.Sequence, message.PublishTime)]
                : [];
            return new McapLoadedBlock(block.Offset, content, single);
        }

        var records = McapChunkLoader.Load(_file, block.Offset, _dataEnd);
        var list = new List<McapLoadedBlock.Entry>();
        foreach (var entry in McapRecordWalker.Walk(records, (offset, opcode) => _file.ChunkAt(block.Offset, offset, opcode)))
        {
            var at = _file.ChunkAt(block.Offset, entry.Offset, (McapOpcode)entry.Opcode);
            switch ((McapOpcode)entry.Opcode)
            {
                case McapOpcode.Schema or McapOpcode.Channel:
                    _definitions.Add((McapOpcode)entry.Opcode, entry.Content, at);
                    break;
                case McapOpcode.Message:
                    var message = McapRecordParser.Message(entry.Content, at);
                    if (!options.Includes(message.LogTime))
                    {
                        break;
                    }

                    RequireChannel(message.ChannelId, at, block, allChunks);
                    if (IsWantedTopic(message.ChannelId, options))
                    {
                        var dataOffset = entry.Offset + McapFile.RecordHeaderLength + (entry.Content.Length - message.Data.Length);
                        list.Add(new(message.LogTime, entry.Offset, dataOffset, message.Data.Length, message.ChannelId, message.Sequence, message.PublishTime));
                    }

                    break;
                default:
                    break;
            }
        }

        _definitionsScanned.Add(block.Offset);
        var entries = list.ToArray();
        Array.Sort(entries, static (a, b) => a.LogTime != b.LogTime ? a.LogTime.CompareTo(b.LogTime) : a.RecordOffset.CompareTo(b.RecordOffset));
        return new McapLoadedBlock(block.Offset, records, entries);
    }

    private bool IsWantedTopic(ushort channelId, McapReadOptions options) =>
        options.Topics is null || options.Topics.Contains(_channels[channelId].Topic);

    /// <summary>
    /// A message's channel may be defined in an earlier chunk that the merge has not loaded (its messages are later
    /// in log time or outside the window); those chunks are read for their definitions only.
    /// </summary>
    private void RequireChannel(ushort channelId, McapRecordLocation at, McapBlock block, List<McapBlock> allChunks)
    {
        if (_channels.ContainsKey(channelId))
        {
            return;
        }

        foreach (var earlier in allChunks.Where(chunk => chunk.Offset < block.Offset && !_definitionsScanned.Contains(chunk.Offset)).OrderBy(chunk => chunk.Offset))
        {
            var records = McapChunkLoader.Load(_file, earlier.Offset, _dataEnd);
            foreach (var entry in McapRecordWalker.Walk(records, (offset, opcode) => _file.ChunkAt(earlier.Offset, offset, opcode)))
            {
                var entryAt = _file.ChunkAt(earlier.Offset, entry.Offset, (McapOpcode)entry.Opcode);
                if (entry.Opcode == (byte)McapOpcode.Schema)
                {
                    _definitions.Add(McapRecordParser.Schema(entry.Content, entryAt));
                }
                else if (entry.Opcode == (byte)McapOpcode.Channel)
                {
                    _definitions.Add(McapRecordParser.Channel(entry.Content, entryAt));
                }
            }

            _definitionsScanned.Add(earlier.Offset);
            if (_channels.ContainsKey(channelId))
            {
                return;
            }
        }

        throw at.Error(string.Create(CultureInfo.InvariantCulture, $"message refers to channel id {channelId}, which no earlier Channel record defines"));
    }
}
