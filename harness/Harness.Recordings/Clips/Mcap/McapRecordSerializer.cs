namespace Harness.Clips.Mcap;

/// <summary>
/// Serializes records into a buffer per the MCAP specification. With padding on, records whose layout allows
/// trailing bytes get three extra bytes (never Message, Chunk, DataEnd or Footer, whose ends are significant).
/// </summary>
internal sealed class McapRecordSerializer(bool padRecords)
{
    private static ReadOnlySpan<byte> Padding => [0x01, 0xFF, 0xFF];

    public static void Magic(McapBufferWriter b) => b.Bytes(McapMagic.Bytes);

    public long Header(McapBufferWriter b, McapHeader header)
    {
        var start = Begin(b, McapOpcode.Header);
        b.String(header.Profile);
        b.String(header.Library);
        return End(b, start, padRecords);
    }

    public long Schema(McapBufferWriter b, McapSchema schema) => Schema(b, schema, padRecords);

    public long Channel(McapBufferWriter b, McapChannel channel) => Channel(b, channel, padRecords);

    /// <summary>Schemas inside chunks are never padded (as the reference chunk builder does).</summary>
    public static long UnpaddedSchema(McapBufferWriter b, McapSchema schema) => Schema(b, schema, pad: false);

    public static long UnpaddedChannel(McapBufferWriter b, McapChannel channel) => Channel(b, channel, pad: false);

    public static long Message(McapBufferWriter b, ushort channelId, uint sequence, ulong logTime, ulong publishTime, ReadOnlySpan<byte> data)
    {
        var start = Begin(b, McapOpcode.Message);
        b.U16(channelId);
        b.U32(sequence);
        b.U64(logTime);
        b.U64(publishTime);
        b.Bytes(data);
        return End(b, start, pad: false);
    }

    public static long Chunk(McapBufferWriter b, McapChunk chunk)
    {
        var start = Begin(b, McapOpcode.Chunk);
        b.U64(chunk.MessageStartTime);
        b.U64(chunk.MessageEndTime);
        b.U64(chunk.UncompressedSize);
        b.U32(chunk.UncompressedCrc);
        b.String(chunk.Compression);
        b.U64((ulong)chunk.Records.Length);
        b.Bytes(chunk.Records.Span);
        return End(b, start, pad: false);
    }

    public long MessageIndex(McapBufferWriter b, ushort channelId, IReadOnlyList<KeyValuePair<ulong, ulong>> records)
    {
        var start = Begin(b, McapOpcode.MessageIndex);
        b.U16(channelId);
        b.U32((uint)(records.Count * 16));
        foreach (var (logTime, offset) in records)
        {
            b.U64(logTime);
            b.U64(offset);
        }

        return End(b, start, padRecords);
    }

    public long ChunkIndex(McapBufferWriter b, McapChunkIndex index)
    {
        var start = Begin(b, McapOpcode.ChunkIndex);
        b.U64(index.MessageStartTime);
        b.U64(index.MessageEndTime);
        b.U64(index.ChunkStartOffset);
        b.U64(index.ChunkLength);
        b.U32((uint)(index.MessageIndexOffsets.Count * 10));
        foreach (var (channelId, offset) in index.MessageIndexOffsets)
        {
            b.U16(channelId);
            b.U64(offset);
        }

        b.U64(index.MessageIndexLength);
        b.String(index.Compression);
        b.U64(index.CompressedSize);
        b.U64(index.UncompressedSize);
        return End(b, start, padRecords);
    }

    public long Attachment(McapBufferWriter b, McapAttachment attachment)
    {
        var start = Begin(b, McapOpcode.Attachment);
        var crcStart = b.Length;
        b.U64(attachment.LogTime);
        b.U64(attachment.CreateTime);
        b.String(attachment.Name);
        b.String(attachment.MediaType);
        b.U64((ulong)attachment.Data.Length);
        b.Bytes(attachment.Data.Span);
        b.U32(System.IO.Hashing.Crc32.HashToUInt32(b.WrittenSpan[crcStart..]));
        return End(b, start, padRecords);
    }

    public long AttachmentIndex(McapBufferWriter b, McapAttachmentIndex index)
    {
        var start = Begin(b, McapOpcode.AttachmentIndex);
        b.U64(index.Offset);
        b.U64(index.Length);
        b.U64(index.LogTime);
        b.U64(index.CreateTime);
        b.U64(index.DataSize);
        b.String(index.Name);
        b.String(index.MediaType);
        return End(b, start, padRecords);
    }

    public long Statistics(McapBufferWriter b, McapStatistics statistics)
    {
        var start = Begin(b, McapOpcode.Statistics);
        b.U64(statistics.MessageCount);
        b.U16(statistics.SchemaCount);
        b.U32(statistics.ChannelCount);
        b.U32(statistics.AttachmentCount);
        b.U32(statistics.MetadataCount);
        b.U32(statistics.ChunkCount);
        b.U64(statistics.MessageStartTime);
        b.U64(statistics.MessageEndTime);
        var mapLength = b.ReserveU32();
        foreach (var (channelId, count) in statistics.ChannelMessageCounts.OrderBy(pair => pair.Key))
        {
            b.U16(channelId);
            b.U64(count);
        }

        b.PatchU32(mapLength, (uint)(b.Length - mapLength - 4));
        return End(b, start, padRecords);
    }

    public long Metadata(McapBufferWriter b, McapMetadata metadata)
    {
        var start = Begin(b, McapOpcode.Metadata);
        b.String(metadata.Name);
        StringMap(b, metadata.Values);
        return End(b, start, padRecords);
    }

    public long MetadataIndex(McapBufferWriter b, McapMetadataIndex index)
    {
        var start = Begin(b, McapOpcode.MetadataIndex);
        b.U64(index.Offset);
        b.U64(index.Length);
        b.String(index.Name);
        return End(b, start, padRecords);
    }

    public long SummaryOffset(McapBufferWriter b, McapSummaryOffset offset)
    {
        var start = Begin(b, McapOpcode.SummaryOffset);
        b.U8((byte)offset.GroupOpcode);
        b.U64(offset.GroupStart);
        b.U64(offset.GroupLength);
        return End(b, start, padRecords);
    }

    public static long DataEnd(McapBufferWriter b, McapDataEnd dataEnd)
    {
        var start = Begin(b, McapOpcode.DataEnd);
        b.U32(dataEnd.DataSectionCrc);
        return End(b, start, pad: false);
    }

    /// <summary>Writes the footer up to (not including) its CRC, which covers these bytes too.</summary>
    public static void FooterWithoutCrc(McapBufferWriter b, ulong summaryStart, ulong summaryOffsetStart)
    {
        b.U8((byte)McapOpcode.Footer);
        b.U64(20);
        b.U64(summaryStart);
        b.U64(summaryOffsetStart);
    }

    private static long Schema(McapBufferWriter b, McapSchema schema, bool pad)
    {
        var start = Begin(b, McapOpcode.Schema);
        b.U16(schema.Id);
        b.String(schema.Name);
        b.String(schema.Encoding);
        b.U32((uint)schema.Data.Length);
        b.Bytes(schema.Data.Span);
        return End(b, start, pad);
    }

    private static long Channel(McapBufferWriter b, McapChannel channel, bool pad)
    {
        var start = Begin(b, McapOpcode.Channel);
        b.U16(channel.Id);
        b.U16(channel.SchemaId);
        b.String(channel.Topic);
        b.String(channel.MessageEncoding);
        StringMap(b, channel.Metadata);
        return End(b, start, pad);
    }

    private static void StringMap(McapBufferWriter b, IReadOnlyDictionary<string, string> map)
    {
        var mapLength = b.ReserveU32();
        foreach (var (key, value) in map.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            b.String(key);
            b.String(value);
        }

        b.PatchU32(mapLength, (uint)(b.Length - mapLength - 4));
    }

    /// <summary>Writes the opcode and a length placeholder; returns the record's start position.</summary>
    private static int Begin(McapBufferWriter b, McapOpcode opcode)
    {
        var start = b.Length;
        b.U8((byte)opcode);
        b.ReserveU64();
        return start;
    }

    /// <summary>Pads if asked, patches the content length and returns the whole record's length.</summary>
    private static long End(McapBufferWriter b, int start, bool pad)
    {
        if (pad)
        {
            b.Bytes(Padding);
        }

        b.PatchU64(start + 1, (ulong)(b.Length - start - 9));
        return b.Length - start;
    }
}
