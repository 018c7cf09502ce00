using System.IO.Hashing;

namespace Harness.Clips.Mcap;

internal sealed partial class McapWriter
{
    /// <summary>
    /// Summary groups in the order of the reference conformance writer: schemas, channels, statistics, metadata
    /// indexes, attachment indexes, chunk indexes; then one summary offset per non-empty group, then the footer.
    /// </summary>
    private void WriteSummaryAndFooter()
    {
        var summaryCrc = new Crc32();
        var summaryStart = _position;
        var groups = new List<McapSummaryOffset>();

        void Group(McapOpcode opcode, bool enabled, Action write)
        {
            var start = _position;
            if (enabled)
            {
                write();
            }

            summaryCrc.Append(_record.WrittenSpan);
            Emit();
            if (_position != start)
            {
                groups.Add(new McapSummaryOffset(opcode, (ulong)start, (ulong)(_position - start)));
            }
        }

        Group(McapOpcode.Schema, _options.RepeatSchemas, () =>
        {
            foreach (var schema in _schemas.Values)
            {
                _serializer.Schema(_record, schema);
            }
        });
        Group(McapOpcode.Channel, _options.RepeatChannels, () =>
        {
            foreach (var channel in _channels.Values)
            {
                _serializer.Channel(_record, channel);
            }
        });
        Group(McapOpcode.Statistics, _options.WriteStatistics, () => _serializer.Statistics(_record, new McapStatistics(
            _messageCount,
            (ushort)_schemas.Count,
            (uint)_channels.Count,
            _attachmentCount,
            _metadataCount,
            _chunkCount,
            _messageStartTime,
            _messageEndTime,
            _channelMessageCounts)));
        Group(McapOpcode.MetadataIndex, _options.WriteMetadataIndex, () =>
        {
            foreach (var index in _metadataIndexes)
            {
                _serializer.MetadataIndex(_record, index);
            }
        });
        Group(McapOpcode.AttachmentIndex, _options.WriteAttachmentIndex, () =>
        {
            foreach (var index in _attachmentIndexes)
            {
                _serializer.AttachmentIndex(_record, index);
            }
        });
        Group(McapOpcode.ChunkIndex, _options.WriteChunkIndex, () =>
        {
            foreach (var index in _chunkIndexes)
            {
                _serializer.ChunkIndex(_record, index);
            }
        });

        var hasSummary = _position != summaryStart;
        long summaryOffsetStart = 0;
        if (_options.WriteSummaryOffsets && groups.Count > 0)
        {
            summaryOffsetStart = _position;
            foreach (var group in groups)
            {
                _serializer.SummaryOffset(_record, group);
            }
        }

        McapRecordSerializer.FooterWithoutCrc(_record, hasSummary ? (ulong)summaryStart : 0, (ulong)summaryOffsetStart);
        summaryCrc.Append(_record.WrittenSpan);
        _record.U32(summaryCrc.GetCurrentHashAsUInt32());
        McapRecordSerializer.Magic(_record);
        Emit();
    }
}
