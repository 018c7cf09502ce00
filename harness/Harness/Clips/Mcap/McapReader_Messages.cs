using System.Globalization;

namespace Harness.Clips.Mcap;

internal sealed partial class McapReader
{
    private readonly HashSet<long> _definitionsScanned = [];

    /// <summary>
    /// Messages in log-time order (ties in file order), filtered by <paramref name="options"/>. Blocks load when the
    /// merge reaches their start time, so memory holds only chunks whose time ranges overlap.
    /// </summary>
    public IEnumerable<McapMessage> ReadMessages(McapReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= McapReadOptions.All;
        var blocks = PlanBlocks();
        var allChunks = blocks.Where(block => block.IsChunk).ToList();
        var pending = blocks
            .Where(block => options.Overlaps(block.StartTime, block.EndTime) && MayHoldTopics(block, options))
            .OrderBy(block => block.StartTime)
            .ThenBy(block => block.Offset)
            .ToList();

        var queue = new PriorityQueue<McapLoadedBlock, (ulong, long, int)>();
        var next = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (next < pending.Count && (!queue.TryPeek(out _, out var head) || pending[next].StartTime <= head.Item1))
            {
                var loaded = Load(pending[next++], options, allChunks);
                if (loaded.HasCurrent)
                {
                    queue.Enqueue(loaded, loaded.CurrentKey);
                }
            }

            if (queue.Count == 0)
            {
                break;
            }

            var block = queue.Dequeue();
            var entry = block.Current;
            var channel = _channels[entry.ChannelId];
            _schemas.TryGetValue(channel.SchemaId, out var schema);
            yield return new McapMessage(channel, schema, entry.Sequence, entry.LogTime, entry.PublishTime, block.Data(entry));
            block.MoveNext();
            if (block.HasCurrent)
            {
                queue.Enqueue(block, block.CurrentKey);
            }
        }

        if (VerifyDataSectionCrc)
        {
            ThrowIfDataSectionCorrupted();
        }
    }

    /// <summary>False only when the block's channels are all known and none is a wanted topic.</summary>
    private bool MayHoldTopics(McapBlock block, McapReadOptions options)
    {
        if (options.Topics is null || block.ChannelIds is null)
        {
            return true;
        }

        foreach (var id in block.ChannelIds)
        {
            if (!_channels.TryGetValue(id, out var channel) || options.Topics.Contains(channel.Topic))
            {
                return true;
            }
        }

        return false;
    }

    private McapLoadedBlock Load(McapBlock block, McapReadOptions options, List<McapBlock> allChunks)
    {
        var limit = Footer.SummaryStart != 0 ? (long)Footer.SummaryStart : FooterOffset;
        if (!block.IsChunk)
        {
            var content = _file.ReadRecord(block.Offset, McapOpcode.Message, limit);
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

        var records = McapChunkLoader.Load(_file, block.Offset, limit);
        var list = new List<McapLoadedBlock.Entry>();
        foreach (var entry in McapRecordWalker.Walk(records, (offset, opcode) => ChunkAt(block.Offset, offset, opcode)))
        {
            var at = ChunkAt(block.Offset, entry.Offset, (McapOpcode)entry.Opcode);
            switch ((McapOpcode)entry.Opcode)
            {
                case McapOpcode.Schema or McapOpcode.Channel:
                    RegisterDefinition((McapOpcode)entry.Opcode, entry.Content, at);
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

        var limit = Footer.SummaryStart != 0 ? (long)Footer.SummaryStart : FooterOffset;
        foreach (var earlier in allChunks.Where(chunk => chunk.Offset < block.Offset && !_definitionsScanned.Contains(chunk.Offset)).OrderBy(chunk => chunk.Offset))
        {
            var records = McapChunkLoader.Load(_file, earlier.Offset, limit);
            foreach (var entry in McapRecordWalker.Walk(records, (offset, opcode) => ChunkAt(earlier.Offset, offset, opcode)))
            {
                var entryAt = ChunkAt(earlier.Offset, entry.Offset, (McapOpcode)entry.Opcode);
                if (entry.Opcode == (byte)McapOpcode.Schema)
                {
                    var schema = McapRecordParser.Schema(entry.Content, entryAt);
                    _schemas.TryAdd(schema.Id, schema);
                }
                else if (entry.Opcode == (byte)McapOpcode.Channel)
                {
                    var channel = McapRecordParser.Channel(entry.Content, entryAt);
                    _channels.TryAdd(channel.Id, channel);
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

    private McapRecordLocation ChunkAt(long chunkOffset, int recordOffset, McapOpcode? opcode) =>
        new(_file.Name, opcode, recordOffset, chunkOffset);
}
