namespace Harness.Clips.Mcap;

/// <summary>The wanted messages of one loaded block, sorted by (log time, position), and a cursor over them.</summary>
internal sealed class McapLoadedBlock(long fileOffset, ReadOnlyMemory<byte> buffer, McapLoadedBlock.Entry[] entries)
{
    /// <summary>A message record's fields; <see cref="DataOffset"/> indexes the block's buffer.</summary>
    public readonly record struct Entry(ulong LogTime, int RecordOffset, int DataOffset, int DataLength, ushort ChannelId, uint Sequence, ulong PublishTime);

    private int _next;

    public long FileOffset { get; } = fileOffset;

    public bool HasCurrent => _next < entries.Length;

    public Entry Current => entries[_next];

    /// <summary>Merge order: log time, then file position (block, then record within it).</summary>
    public (ulong LogTime, long Block, int Record) CurrentKey => (Current.LogTime, FileOffset, Current.RecordOffset);

    public ReadOnlyMemory<byte> Data(in Entry entry) => buffer.Slice(entry.DataOffset, entry.DataLength);

    public void MoveNext() => _next++;
}
