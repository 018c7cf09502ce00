namespace Harness.Clips.Mcap;

/// <summary>
/// Every record of a file in file order after the magic, parsed, with chunks replaced by the records they hold and
/// message indexes left out: the shape of the MCAP conformance listings. Padded records read the same.
/// </summary>
internal static class McapRecordListing
{
    public static IEnumerable<object> Read(McapFile file)
    {
        var offset = (long)McapMagic.Length;
        var end = file.Length - McapMagic.Length;
        Span<byte> header = stackalloc byte[McapFile.RecordHeaderLength];
        var records = new List<object>();
        while (offset < end)
        {
            file.ReadExactlyAt(offset, header, null);
            var opcode = header[0];
            if (!Enum.IsDefined((McapOpcode)opcode))
            {
                throw file.At(offset).Error($"unknown opcode 0x{opcode:X2}");
            }

            var content = file.ReadRecord(offset, (McapOpcode)opcode, end);
            var at = file.At(offset, (McapOpcode)opcode);
            switch ((McapOpcode)opcode)
            {
                case McapOpcode.Chunk:
                    var inner = McapChunkLoader.Decompress(McapRecordParser.Chunk(content, at), at);
                    var chunkOffset = offset;
                    foreach (var entry in McapRecordWalker.Walk(inner, (o, op) => file.ChunkAt(chunkOffset, o, op)))
                    {
                        records.Add(McapRecordParser.Parse((McapOpcode)entry.Opcode, entry.Content, file.ChunkAt(chunkOffset, entry.Offset, (McapOpcode)entry.Opcode)));
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
