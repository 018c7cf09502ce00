using System.Buffers;
using System.IO.Hashing;

namespace Harness.Clips.Mcap;

/// <summary>Accumulates the records of one open chunk and the per-channel message index entries that follow it.</summary>
internal sealed class McapChunkBuilder(int chunkSize)
{
    private readonly McapBufferWriter _records = new(Math.Min(chunkSize, 1 << 20) + 1024);
    private readonly SortedDictionary<ushort, List<KeyValuePair<ulong, ulong>>> _indexes = [];
    private readonly ArrayBufferWriter<byte> _compressed = new();
    private ulong _startTime;
    private ulong _endTime;
    private int _messageCount;

    public bool IsEmpty => _records.Length == 0;

    public bool IsFull => _records.Length >= chunkSize;

    /// <summary>Per channel (ascending id), the (log time, record offset) of its messages in file order, as the reference writer lists them.</summary>
    public IEnumerable<KeyValuePair<ushort, List<KeyValuePair<ulong, ulong>>>> MessageIndexes => _indexes.Where(pair => pair.Value.Count > 0);

    public void AddSchema(McapSchema schema) => McapRecordSerializer.UnpaddedSchema(_records, schema);

    public void AddChannel(McapChannel channel) => McapRecordSerializer.UnpaddedChannel(_records, channel);

    public void AddMessage(ushort channelId, uint sequence, ulong logTime, ulong publishTime, ReadOnlySpan<byte> data)
    {
        _startTime = _messageCount == 0 ? logTime : Math.Min(_startTime, logTime);
        _endTime = _messageCount == 0 ? logTime : Math.Max(_endTime, logTime);
        _messageCount++;
        if (!_indexes.TryGetValue(channelId, out var entries))
        {
            entries = [];
            _indexes.Add(channelId, entries);
        }

        entries.Add(new(logTime, (ulong)_records.Length));
        McapRecordSerializer.Message(_records, channelId, sequence, logTime, publishTime, data);
    }

    /// <summary>The chunk record for the current contents; its records memory is valid until <see cref="Clear"/>.</summary>
    public McapChunk Pack(McapCompression compression)
    {
        var uncompressed = _records.WrittenSpan;
        var crc = Crc32.HashToUInt32(uncompressed);
        ReadOnlyMemory<byte> payload;
        if (compression == McapCompression.None)
        {
            payload = _records.WrittenMemory;
        }
        else
        {
            McapCompressionCodec.Compress(compression, uncompressed, _compressed);
            payload = _compressed.WrittenMemory;
        }

        return new McapChunk(_startTime, _endTime, (ulong)uncompressed.Length, crc, McapCompressionCodec.Name(compression), payload);
    }

    public void Clear()
    {
        _records.Clear();
        foreach (var entries in _indexes.Values)
        {
            entries.Clear();
        }

        _messageCount = 0;
        _startTime = 0;
        _endTime = 0;
    }
}
