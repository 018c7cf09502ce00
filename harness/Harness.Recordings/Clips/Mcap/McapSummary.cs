using System.Globalization;
using System.IO.Hashing;

namespace Harness.Clips.Mcap;

/// <summary>
/// The summary section, read and CRC-checked when the file opens: the statistics, and the indexes that locate chunks,
/// attachments and metadata without a pass over the data section. The schemas and channels it repeats go to the
/// file's <see cref="McapDefinitions"/>.
/// </summary>
internal sealed class McapSummary
{
    private readonly List<McapChunkIndex> _chunkIndexes = [];
    private readonly List<McapAttachmentIndex> _attachmentIndexes = [];
    private readonly List<McapMetadataIndex> _metadataIndexes = [];
    private bool _present;

    private McapSummary()
    {
    }

    /// <summary>Null when the file has no summary or the summary has no Statistics record.</summary>
    public McapStatistics? Statistics { get; private set; }

    /// <summary>Reads and CRC-checks the summary and summary offset sections between the data end and the footer.</summary>
    public static McapSummary Read(McapFile file, McapFooter footer, long footerOffset, McapDefinitions definitions)
    {
        var footerAt = file.At(footerOffset, McapOpcode.Footer);
        var start = footer.SummaryStart != 0 ? footer.SummaryStart : footer.SummaryOffsetStart != 0 ? footer.SummaryOffsetStart : (ulong)footerOffset;
        if (start < McapMagic.Length || start > (ulong)footerOffset)
        {
            throw footerAt.Error(string.Create(
                CultureInfo.InvariantCulture,
                $"summary start {start} lies outside the file body (bytes {McapMagic.Length} to {footerOffset})"));
        }

        var bytes = new byte[footerOffset - (long)start];
        file.ReadExactlyAt((long)start, bytes, McapOpcode.Footer);
        if (footer.SummaryCrc != 0)
        {
            Span<byte> footerPrefix = stackalloc byte[McapFile.RecordHeaderLength + 16];
            file.ReadExactlyAt(footerOffset, footerPrefix, McapOpcode.Footer);
            var crc = new Crc32();
            crc.Append(bytes);
            crc.Append(footerPrefix);
            var computed = crc.GetCurrentHashAsUInt32();
            if (computed != footer.SummaryCrc)
            {
                throw footerAt.Error($"summary CRC mismatch: recorded 0x{footer.SummaryCrc:X8}, computed 0x{computed:X8} (the summary is corrupted)");
            }
        }

        var summary = new McapSummary();
        if (footer.SummaryStart == 0)
        {
            return summary;
        }

        summary._present = true;
        var summaryOffset = (long)start;
        foreach (var entry in McapRecordWalker.Walk(bytes, (offset, opcode) => file.At(summaryOffset + offset, opcode)))
        {
            var at = file.At(summaryOffset + entry.Offset, (McapOpcode)entry.Opcode);
            switch ((McapOpcode)entry.Opcode)
            {
                case McapOpcode.Schema or McapOpcode.Channel:
                    definitions.Add((McapOpcode)entry.Opcode, entry.Content, at);
                    break;
                case McapOpcode.Statistics:
                    summary.Statistics = McapRecordParser.Statistics(entry.Content, at);
                    break;
                case McapOpcode.ChunkIndex:
                    summary._chunkIndexes.Add(McapRecordParser.ChunkIndex(entry.Content, at));
                    break;
                case McapOpcode.AttachmentIndex:
                    summary._attachmentIndexes.Add(McapRecordParser.AttachmentIndex(entry.Content, at));
                    break;
                case McapOpcode.MetadataIndex:
                    summary._metadataIndexes.Add(McapRecordParser.MetadataIndex(entry.Content, at));
                    break;
                default:
                    break;
            }
        }

        return summary;
    }

    /// <summary>
    /// The blocks holding messages, from the chunk index (none when the summary says there are no messages); null when
    /// only a scan of the data section can tell.
    /// </summary>
    public List<McapBlock>? Blocks()
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

        return _present && Statistics is { MessageCount: 0 } ? [] : null;
    }

    /// <summary>Where the attachments are, in file order; null when only a scan of the data section can tell.</summary>
    public List<long>? AttachmentOffsets() =>
        _attachmentIndexes.Count > 0 || Statistics is { AttachmentCount: 0 } ? _attachmentIndexes.Select(index => (long)index.Offset).ToList() : null;

    /// <summary>Where the metadata records are, in file order; null when only a scan of the data section can tell.</summary>
    public List<long>? MetadataOffsets() =>
        _metadataIndexes.Count > 0 || Statistics is { MetadataCount: 0 } ? _metadataIndexes.Select(index => (long)index.Offset).ToList() : null;
}
