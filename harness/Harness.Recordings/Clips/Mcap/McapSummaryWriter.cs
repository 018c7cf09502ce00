using System.IO.Hashing;

namespace Harness.Clips.Mcap;

/// <summary>
/// The summary section of a file being written: counts what the summary states (statistics, and the indexes of
/// chunks, attachments and metadata) as the data section is written, then writes it with the schemas and channels it
/// repeats, the summary offsets and the footer.
/// </summary>
/// <param name="schemas">The writer's registered schemas; read when the summary is written.</param>
/// <param name="channels">The writer's registered channels; read when the summary is written.</param>
internal sealed class McapSummaryWriter(
    McapRecordSerializer serializer,
    McapWriterOptions options,
    Dictionary<ushort, McapSchema> schemas,
    Dictionary<ushort, McapChannel> channels)
{
    private readonly Dictionary<ushort, ulong> _channelMessageCounts = [];
    private readonly List<McapChunkIndex> _chunkIndexes = [];
    private readonly List<McapAttachmentIndex> _attachmentIndexes = [];
    private readonly List<McapMetadataIndex> _metadataIndexes = [];
    private ulong _messageCount;
    private ulong _messageStartTime;
    private ulong _messageEndTime;
    private uint _attachmentCount;
    private uint _metadataCount;
    private uint _chunkCount;

    public void CountMessage(ushort channelId, ulong logTime)
    {
        _messageStartTime = _messageCount == 0 ? logTime : Math.Min(_messageStartTime, logTime);
        _messageEndTime = _messageCount == 0 ? logTime : Math.Max(_messageEndTime, logTime);
        _messageCount++;
        _channelMessageCounts[channelId] = _channelMessageCounts.GetValueOrDefault(channelId) + 1;
    }

    public void AddChunk(McapChunkIndex index)
    {
        _chunkCount++;
        _chunkIndexes.Add(index);
    }

    public void AddAttachment(McapAttachmentIndex index)
    {
        _attachmentCount++;
        _attachmentIndexes.Add(index);
    }

    public void AddMetadata(McapMetadataIndex index)
    {
        _metadataCount++;
        _metadataIndexes.Add(index);
    }

    /// <summary>
    /// Summary groups in the order of the reference conformance writer: schemas, channels, statistics, metadata
    /// indexes, attachment indexes, chunk indexes; then one summary offset per non-empty group, then the footer.
    /// </summary>
    /// <param name="record">The buffer records are serialized into; <paramref name="emit"/> writes it to the output and clears it.</param>
    /// <param name="summaryStart">The output's position after the data end, where the summary starts.</param>
    public void WriteWithFooter(McapBufferWriter record, long summaryStart, Action emit)
    {
        var summaryCrc = new Crc32();
        var position = summaryStart;
        var groups = new List<McapSummaryOffset>();

        void Group(McapOpcode opcode, bool enabled, Action write)
        {
            var start = position;
            if (enabled)
            {
                write();
            }

            summaryCrc.Append(record.WrittenSpan);
            position += record.Length;
            emit();
            if (position != start)
            {
                groups.Add(new McapSummaryOffset(opcode, (ulong)start, (ulong)(position - start)));
            }
        }

        Group(McapOpcode.Schema, options.RepeatSchemas, () =>
        {
            foreach (var schema in schemas.Values)
            {
                serializer.Schema(record, schema);
            }
        });
        Group(McapOpcode.Channel, options.RepeatChannels, () =>
        {
            foreach (var channel in channels.Values)
            {
                serializer.Channel(record, channel);
            }
        });
        Group(McapOpcode.Statistics, options.WriteStatistics, () => serializer.Statistics(record, new McapStatistics(
            _messageCount,
            (ushort)schemas.Count,
            (uint)channels.Count,
            _attachmentCount,
            _metadataCount,
            _chunkCount,
            _messageStartTime,
            _messageEndTime,
            _channelMessageCounts)));
        Group(McapOpcode.MetadataIndex, options.WriteMetadataIndex, () =>
        {
            foreach (var index in _metadataIndexes)
            {
                serializer.MetadataIndex(record, index);
            }
        });
        Group(McapOpcode.AttachmentIndex, options.WriteAttachmentIndex, () =>
        {
            foreach (var index in _attachmentIndexes)
            {
                serializer.AttachmentIndex(record, index);
            }
        });
        Group(McapOpcode.ChunkIndex, options.WriteChunkIndex, () =>
        {
            foreach (var index in _chunkIndexes)
            {
                serializer.ChunkIndex(record, index);
            }
        });

        var hasSummary = position != summaryStart;
        long summaryOffsetStart = 0;
        if (options.WriteSummaryOffsets && groups.Count > 0)
        {
            summaryOffsetStart = position;
            foreach (var group in groups)
            {
                serializer.SummaryOffset(record, group);
            }
        }

        McapRecordSerializer.FooterWithoutCrc(record, hasSummary ? (ulong)summaryStart : 0, (ulong)summaryOffsetStart);
        summaryCrc.Append(record.WrittenSpan);
        record.U32(summaryCrc.GetCurrentHashAsUInt32());
        McapRecordSerializer.Magic(record);
        emit();
    }
}
