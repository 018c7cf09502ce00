using System.Globalization;
using System.IO.Hashing;

namespace Harness.Clips.Mcap;

internal sealed partial class McapReader
{
    private readonly List<McapChunkIndex> _chunkIndexes = [];
    private readonly List<McapAttachmentIndex> _attachmentIndexes = [];
    private readonly List<McapMetadataIndex> _metadataIndexes = [];
    private bool _hasSummary;

    /// <summary>Reads and CRC-checks the summary and summary offset sections between the data end and the footer.</summary>
    private void ReadSummary()
    {
        var footerAt = _file.At(FooterOffset, McapOpcode.Footer);
        var start = Footer.SummaryStart != 0 ? Footer.SummaryStart : Footer.SummaryOffsetStart != 0 ? Footer.SummaryOffsetStart : (ulong)FooterOffset;
        if (start < McapMagic.Length || start > (ulong)FooterOffset)
        {
            throw footerAt.Error(string.Create(
                CultureInfo.InvariantCulture,
                $"summary start {start} lies outside the file body (bytes {McapMagic.Length} to {FooterOffset})"));
        }

        var bytes = new byte[FooterOffset - (long)start];
        _file.ReadExactlyAt((long)start, bytes, McapOpcode.Footer);
        if (Footer.SummaryCrc != 0)
        {
            Span<byte> footerPrefix = stackalloc byte[McapFile.RecordHeaderLength + 16];
            _file.ReadExactlyAt(FooterOffset, footerPrefix, McapOpcode.Footer);
            var crc = new Crc32();
            crc.Append(bytes);
            crc.Append(footerPrefix);
            var computed = crc.GetCurrentHashAsUInt32();
            if (computed != Footer.SummaryCrc)
            {
                throw footerAt.Error($"summary CRC mismatch: recorded 0x{Footer.SummaryCrc:X8}, computed 0x{computed:X8} (the summary is corrupted)");
            }
        }

        if (Footer.SummaryStart == 0)
        {
            return;
        }

        _hasSummary = true;
        var summaryOffset = (long)start;
        foreach (var entry in McapRecordWalker.Walk(bytes, (offset, opcode) => _file.At(summaryOffset + offset, opcode)))
        {
            var at = _file.At(summaryOffset + entry.Offset, (McapOpcode)entry.Opcode);
            switch ((McapOpcode)entry.Opcode)
            {
                case McapOpcode.Schema or McapOpcode.Channel:
                    RegisterDefinition((McapOpcode)entry.Opcode, entry.Content, at);
                    break;
                case McapOpcode.Statistics:
                    Statistics = McapRecordParser.Statistics(entry.Content, at);
                    break;
                case McapOpcode.ChunkIndex:
                    _chunkIndexes.Add(McapRecordParser.ChunkIndex(entry.Content, at));
                    break;
                case McapOpcode.AttachmentIndex:
                    _attachmentIndexes.Add(McapRecordParser.AttachmentIndex(entry.Content, at));
                    break;
                case McapOpcode.MetadataIndex:
                    _metadataIndexes.Add(McapRecordParser.MetadataIndex(entry.Content, at));
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// The blocks holding messages: from the chunk index when the summary has one (or says there are no messages),
    /// else from a sequential scan.
    /// </summary>
    private List<McapBlock> PlanBlocks()
    {
        if (_chunkIndexes.Count > 0)
        {
            return _chunkIndexes
                .Select(index => new McapBlock(
                    (long)index.ChunkStartOffset,
                    IsChunk: true,
                    index.MessageStartTime,
                    index.MessageEndTime,
                    index.MessageIndexOffsets.Count > 0 ? index.MessageIndexOffsets.Select(pair => pair.Key).ToArray() : null))
                .ToList();
        }

        if (_hasSummary && Statistics is { MessageCount: 0 })
        {
            return [];
        }

        return [.. Scan().Blocks];
    }

    /// <summary>Schemas and channels may be repeated in chunks and the summary; the first definition of an id wins.</summary>
    private void RegisterDefinition(McapOpcode opcode, ReadOnlyMemory<byte> content, McapRecordLocation at)
    {
        if (opcode == McapOpcode.Schema)
        {
            var schema = McapRecordParser.Schema(content, at);
            _schemas.TryAdd(schema.Id, schema);
        }
        else
        {
            var channel = McapRecordParser.Channel(content, at);
            _channels.TryAdd(channel.Id, channel);
        }
    }
}
