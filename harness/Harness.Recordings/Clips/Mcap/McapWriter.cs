using System.IO.Hashing;

namespace Harness.Clips.Mcap;

/// <summary>
/// Writes an MCAP file to a stream (which need not be seekable): register schemas and channels, write messages,
/// attachments and metadata, then <see cref="Dispose"/> (or <see cref="Finish"/>) writes the summary and footer.
/// Messages are buffered only up to one chunk.
/// </summary>
internal sealed class McapWriter : IDisposable
{
    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly McapWriterOptions _options;
    private readonly McapRecordSerializer _serializer;
    private readonly McapBufferWriter _record = new();
    private readonly Crc32 _dataCrc = new();
    private readonly Dictionary<ushort, McapSchema> _schemas = [];
    private readonly Dictionary<ushort, McapChannel> _channels = [];
    private readonly McapSummaryWriter _summary;
    private readonly McapChunkBuilder? _chunk;
    private long _position;
    private bool _finished;

    public McapWriter(Stream output, McapWriterOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _leaveOpen = leaveOpen;
        _options = options ?? new McapWriterOptions();
        if (_options.UseChunks && _options.ChunkSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.ChunkSize, "ChunkSize must be positive.");
        }

        _serializer = new McapRecordSerializer(_options.PadRecords);
        _chunk = _options.UseChunks ? new McapChunkBuilder(_options.ChunkSize) : null;
        _summary = new McapSummaryWriter(_serializer, _options, _schemas, _channels);

        McapRecordSerializer.Magic(_record);
        _serializer.Header(_record, new McapHeader(_options.Profile, _options.Library));
        EmitData();
    }

    /// <summary>Creates (or overwrites) <paramref name="path"/> and writes an MCAP file to it.</summary>
    public static McapWriter Create(string path, McapWriterOptions? options = null) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), options);

    /// <summary>Registers a schema; its id must be non-zero and unused.</summary>
    public void AddSchema(McapSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ThrowIfFinished();
        if (schema.Id == 0 || !_schemas.TryAdd(schema.Id, schema))
        {
            throw new ArgumentException($"Schema id {schema.Id} is zero or already registered.", nameof(schema));
        }

        if (_chunk is not null)
        {
            _chunk.AddSchema(schema);
        }
        else
        {
            _serializer.Schema(_record, schema);
            EmitData();
        }
    }

    /// <summary>Registers a channel; its schema id must be 0 (schemaless) or a registered schema.</summary>
    public void AddChannel(McapChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ThrowIfFinished();
        if (channel.SchemaId != 0 && !_schemas.ContainsKey(channel.SchemaId))
        {
            throw new ArgumentException($"Channel '{channel.Topic}' names schema id {channel.SchemaId}, which is not registered.", nameof(channel));
        }

        if (!_channels.TryAdd(channel.Id, channel))
        {
            throw new ArgumentException($"Channel id {channel.Id} is already registered.", nameof(channel));
        }

        if (_chunk is not null)
        {
            _chunk.AddChannel(channel);
        }
        else
        {
            _serializer.Channel(_record, channel);
            EmitData();
        }
    }

    public void WriteMessage(ushort channelId, ulong logTime, ulong publishTime, uint sequence, ReadOnlySpan<byte> data)
    {
        ThrowIfFinished();
        if (!_channels.ContainsKey(channelId))
        {
            throw new ArgumentException($"Channel id {channelId} is not registered.", nameof(channelId));
        }

        _summary.CountMessage(channelId, logTime);

        if (_chunk is null)
        {
            McapRecordSerializer.Message(_record, channelId, sequence, logTime, publishTime, data);
            EmitData();
            return;
        }

        _chunk.AddMessage(channelId, sequence, logTime, publishTime, data);
        if (_chunk.IsFull)
        {
            FlushChunk();
        }
    }

    public void WriteAttachment(McapAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        ThrowIfFinished();
        var offset = (ulong)_position;
        var length = (ulong)_serializer.Attachment(_record, attachment);
        EmitData();
        _summary.AddAttachment(new McapAttachmentIndex(
            offset, length, attachment.LogTime, attachment.CreateTime, (ulong)attachment.Data.Length, attachment.Name, attachment.MediaType));
    }

    public void WriteMetadata(McapMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ThrowIfFinished();
        var offset = (ulong)_position;
        var length = (ulong)_serializer.Metadata(_record, metadata);
        EmitData();
        _summary.AddMetadata(new McapMetadataIndex(offset, length, metadata.Name));
    }

    /// <summary>Flushes the open chunk and writes the data end, summary, footer and closing magic.</summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }

        if (_chunk is { IsEmpty: false })
        {
            FlushChunk();
        }

        McapRecordSerializer.DataEnd(_record, new McapDataEnd(_dataCrc.GetCurrentHashAsUInt32()));
        Emit();
        _summary.WriteWithFooter(_record, _position, Emit);
        _output.Flush();
        _finished = true;
    }

    public void Dispose()
    {
        try
        {
            Finish();
        }
        finally
        {
            if (!_leaveOpen)
            {
                _output.Dispose();
            }
        }
    }

    private void FlushChunk()
    {
        var chunk = _chunk!;
        var chunkStart = (ulong)_position;
        var packed = chunk.Pack(_options.Compression);
        var chunkLength = (ulong)McapRecordSerializer.Chunk(_record, packed);
        EmitData();

        var indexOffsets = new List<KeyValuePair<ushort, ulong>>();
        ulong indexLength = 0;
        if (_options.WriteMessageIndexes)
        {
            foreach (var (channelId, entries) in chunk.MessageIndexes)
            {
                indexOffsets.Add(new(channelId, (ulong)_position));
                indexLength += (ulong)_serializer.MessageIndex(_record, channelId, entries);
                EmitData();
            }
        }

        _summary.AddChunk(new McapChunkIndex(
            packed.MessageStartTime,
            packed.MessageEndTime,
            chunkStart,
            chunkLength,
            indexOffsets,
            indexLength,
            packed.Compression,
            (ulong)packed.Records.Length,
            packed.UncompressedSize));
        chunk.Clear();
    }

    /// <summary>Writes the serialized record(s) to the output as part of the data section (CRC-covered).</summary>
    private void EmitData()
    {
        _dataCrc.Append(_record.WrittenSpan);
        Emit();
    }

    private void Emit()
    {
        _output.Write(_record.WrittenSpan);
        _position += _record.Length;
        _record.Clear();
    }

    private void ThrowIfFinished() => ObjectDisposedException.ThrowIf(_finished, this);
}
