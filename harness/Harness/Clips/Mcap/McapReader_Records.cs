namespace Harness.Clips.Mcap;

internal sealed partial class McapReader
{
    /// <summary>Every attachment in file order, CRC-checked; located by the summary's index when it has one.</summary>
    public IEnumerable<McapAttachment> ReadAttachments()
    {
        var offsets = _attachmentIndexes.Count > 0 || Statistics is { AttachmentCount: 0 }
            ? _attachmentIndexes.Select(index => (long)index.Offset).ToList()
            : [.. Scan().AttachmentOffsets];
        foreach (var offset in offsets)
        {
            var content = _file.ReadRecord(offset, McapOpcode.Attachment, FooterOffset);
            yield return McapRecordParser.Attachment(content, _file.At(offset, McapOpcode.Attachment));
        }
    }

    /// <summary>Every metadata record in file order; located by the summary's index when it has one.</summary>
    public IEnumerable<McapMetadata> ReadMetadata()
    {
        var offsets = _metadataIndexes.Count > 0 || Statistics is { MetadataCount: 0 }
            ? _metadataIndexes.Select(index => (long)index.Offset).ToList()
            : [.. Scan().MetadataOffsets];
        foreach (var offset in offsets)
        {
            var content = _file.ReadRecord(offset, McapOpcode.Metadata, FooterOffset);
            yield return McapRecordParser.Metadata(content, _file.At(offset, McapOpcode.Metadata));
        }
    }

    /// <summary>
    /// Every record in file order after the magic, parsed, with chunks replaced by the records they hold and message
    /// indexes left out (the shape of the MCAP conformance listings). Padded records read the same.
    /// </summary>
    internal IEnumerable<object> ReadAllRecords()
    {
        var offset = (long)McapMagic.Length;
        var end = _file.Length - McapMagic.Length;
        Span<byte> header = stackalloc byte[McapFile.RecordHeaderLength];
        var records = new List<object>();
        while (offset < end)
        {
            _file.ReadExactlyAt(offset, header, null);
            var opcode = header[0];
            if (!Enum.IsDefined((McapOpcode)opcode))
            {
                throw _file.At(offset).Error($"unknown opcode 0x{opcode:X2}");
            }

            var content = _file.ReadRecord(offset, (McapOpcode)opcode, end);
            var at = _file.At(offset, (McapOpcode)opcode);
            switch ((McapOpcode)opcode)
            {
                case McapOpcode.Chunk:
                    var inner = McapChunkLoader.Decompress(McapRecordParser.Chunk(content, at), at);
                    var chunkOffset = offset;
                    foreach (var entry in McapRecordWalker.Walk(inner, (o, op) => ChunkAt(chunkOffset, o, op)))
                    {
                        records.Add(McapRecordParser.Parse((McapOpcode)entry.Opcode, entry.Content, ChunkAt(chunkOffset, entry.Offset, (McapOpcode)entry.Opcode)));
                    }

                    break;
                case McapOpcode.MessageIndex:
                    McapRecordParser.MessageIndex(content, at);
                    break;
                default:
                    records.Add(McapRecordParser.Parse((McapOpcode)opcode, content, at));
                    break;
            }

            offset += McapFile.RecordHeaderLength + content.Length;
        }

        return records;
    }
}
