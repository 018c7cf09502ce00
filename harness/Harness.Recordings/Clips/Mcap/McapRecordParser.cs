using System.Globalization;

namespace Harness.Clips.Mcap;

/// <summary>
/// Parses record contents (after opcode and length). Bytes after the known fields are ignored, as the
/// specification requires, so records from later format versions (or padded ones) still read.
/// </summary>
internal static class McapRecordParser
{
    public static object Parse(McapOpcode opcode, ReadOnlyMemory<byte> content, McapRecordLocation at) => opcode switch
    {
        McapOpcode.Header => Header(content, at),
        McapOpcode.Footer => Footer(content, at),
        McapOpcode.Schema => Schema(content, at),
        McapOpcode.Channel => Channel(content, at),
        McapOpcode.Message => Message(content, at),
        McapOpcode.Chunk => Chunk(content, at),
        McapOpcode.MessageIndex => MessageIndex(content, at),
        McapOpcode.ChunkIndex => ChunkIndex(content, at),
        McapOpcode.Attachment => Attachment(content, at),
        McapOpcode.AttachmentIndex => AttachmentIndex(content, at),
        McapOpcode.Statistics => Statistics(content, at),
        McapOpcode.Metadata => Metadata(content, at),
        McapOpcode.MetadataIndex => MetadataIndex(content, at),
        McapOpcode.SummaryOffset => SummaryOffset(content, at),
        McapOpcode.DataEnd => DataEnd(content, at),
        _ => throw at.Error("unknown opcode"),
    };

    public static McapHeader Header(ReadOnlyMemory<byte> content, McapRecordLocation at)
    {
        var r = new McapSpanReader(content.Span, at);
        return new McapHeader(r.String("profile"), r.String("library"));
    }

    public static McapFooter Footer(ReadOnlyMemory<byte> content, McapRecordLocation at)
    {
        var r = new McapSpanReader(content.Span, at);
        return new McapFooter(r.U64("summary_start"), r.U64("summary_offset_start"), r.U32("summary_crc"));
    }

    public static McapSchema Schema(ReadOnlyMemory<byte> content, McapRecordLocation at)
    {
        var r = new McapSpanReader(content.Span, at);
        var id = r.U16("id");
        var name = r.String("name");
        var encoding = r.String("encoding");
        var (offset, length) = r.PrefixedBytes("data", wideLength: false);
        return new McapSchema(id, name, encoding, content.Slice(offset, length));
    }

    public static McapChannel Channel(ReadOnlyMemory<byte> content, McapRecordLocation at)
    {
        var r = new McapSpanReader(content.Span, at);
        var id = r.U16("id");
        var schemaId = r.U16("schema_id");
        var topic = r.String("topic");
        var encoding = r.String("message_encoding");
        return new McapChannel(id, schemaId, topic, encoding, r.StringMap("metadata"));
    }

    public static McapRawMessage Message(ReadOnlyMemory<byte> content, McapRecordLocation at)
    {
        var r = new McapSpanReader(content.Span, at);
        var channelId = r.U16("channel_id");
        var sequence = r.U32("sequence");
        var logTime = r.U64("log_time");
        var publishTime = r.U64("publish_time");
        var (offset, length) = r.Rest();
        return new McapRawMessage(channelId, sequence, logTime, publishTime, content.Slice(offset, length));
    }

    public static McapChunk Chunk(ReadOnlyMemory<byte> content, McapRecordLocation at)
    {
        var r = new McapSpanReader(content.Span, at);
        var start = r.U64("message_start_time");
        var end = r.U64("message_end_time");
        var size = r.U64("uncompressed_size");
        var crc = r.U32("uncompressed_crc");
        var compression = r.String("compression");
        var (offset, length) = r.PrefixedBytes("records", wideLength: true);
        return new McapChunk(start, end, size, crc, compression, content.Slice(offset, length));
    }

    public static McapMessageIndex MessageIndex(ReadOnlyMemory<byte> content, McapRecordLocation at)
    {
        var r = new McapSpanReader(content.Span, at);
        var channelId = r.U16("channel_id");
        return new McapMessageIndex(channelId, r.U64U64Array("records"));
    }

    public static McapChunkIndex ChunkIndex(ReadOnlyMemory<byte> content, McapRecordLocation at)
    {
        var r = new McapSpanReader(content.Span, at);
        return new McapChunkIndex(
            r.U64("message_start_time"),
            r.U64("message_end_time"),
            r.U64("chunk_start_offset"),
            r.U64("chunk_length"),
            r.U16U64Map("message_index_offsets"),
            r.U64("message_index_length"),
            r.String("compression"),
            r.U64("compressed_size"),
            r.U64("uncompressed_size"));
    }

    /// <summary>Parses an attachment and checks its CRC (when non-zero) over every field before it.</summary>
    public static McapAttachment Attachment(ReadOnlyMemory<byte> content, McapRecordLocation at)
    {
        var r = new McapSpanReader(content.Span, at);
        var logTime = r.U64("log_time");
        var createTime = r.U64("create_time");
        var name = r.String("name");
        var mediaType = r.String("media_type");
        var (offset, length) = r.PrefixedBytes("data", wideLength: true);
        var crcEnd = r.Position;
        var crc = r.U32("crc");
        if (crc != 0)
        {
            var computed = System.IO.Hashing.Crc32.HashToUInt32(content.Span[..crcEnd]);
            if (computed != crc)
            {
                throw at.Error($"attachment '{name}' CRC mismatch: recorded 0x{crc:X8}, computed 0x{computed:X8} (the attachment is corrupted)");
            }
        }

        return new McapAttachment(logTime, createTime, name, mediaType, content.Slice(offset, length));
    }

    public static McapAttachmentIndex AttachmentIndex(ReadOnlyMemory<byte> content, McapRecordLocation at)
    {
        var r = new McapSpanReader(content.Span, at);
        return new McapAttachmentIndex(
            r.U64("offset"),
            r.U64("length"),
            r.U64("log_time"),
            r.U64("create_time"),
            r.U64("data_size"),
            r.String("name"),
            r.String("media_type"));
    }

    public static McapStatistics Statistics(ReadOnlyMemory<byte> content, McapRecordLocation at)
    {
        var r = new McapSpanReader(content.Span, at);
        var messageCount = r.U64("message_count");
        var schemaCount = r.U16("schema_count");
        var channelCount = r.U32("channel_count");
        var attachmentCount = r.U32("attachment_count");
        var metadataCount = r.U32("metadata_count");
        var chunkCount = r.U32("chunk_count");
        var start = r.U64("message_start_time");
        var end = r.U64("message_end_time");
        var counts = new Dictionary<ushort, ulong>();
        foreach (var (channel, count) in r.U16U64Map("channel_message_counts"))
        {
            if (!counts.TryAdd(channel, count))
            {
                throw at.Error(string.Create(CultureInfo.InvariantCulture, $"field 'channel_message_counts' lists channel id {channel} twice"));
            }
        }

        return new McapStatistics(messageCount, schemaCount, channelCount, attachmentCount, metadataCount, chunkCount, start, end, counts);
    }

    public static McapMetadata Metadata(ReadOnlyMemory<byte> content, McapRecordLocation at)
    {
        var r = new McapSpanReader(content.Span, at);
        var name = r.String("name");
        return new McapMetadata(name, r.StringMap("metadata"));
    }

    public static McapMetadataIndex MetadataIndex(ReadOnlyMemory<byte> content, McapRecordLocation at)
    {
        var r = new McapSpanReader(content.Span, at);
        return new McapMetadataIndex(r.U64("offset"), r.U64("length"), r.String("name"));
    }

    public static McapSummaryOffset SummaryOffset(ReadOnlyMemory<byte> content, McapRecordLocation at)
    {
        var r = new McapSpanReader(content.Span, at);
        return new McapSummaryOffset((McapOpcode)r.U8("group_opcode"), r.U64("group_start"), r.U64("group_length"));
    }

    public static McapDataEnd DataEnd(ReadOnlyMemory<byte> content, McapRecordLocation at)
    {
        var r = new McapSpanReader(content.Span, at);
        return new McapDataEnd(r.U32("data_section_crc"));
    }
}
