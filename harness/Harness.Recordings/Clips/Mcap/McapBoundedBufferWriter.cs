using System.Buffers;

namespace Harness.Clips.Mcap;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> for a chunk's decompressed records: it starts at a size it can afford whatever
/// the chunk claims and doubles as output arrives, never past the chunk's declared uncompressed size. A corrupted
/// size field therefore costs memory in proportion to what the data really decompresses to, not to the claim.
/// </summary>
internal sealed class McapBoundedBufferWriter(int initialCapacity, int limit) : IBufferWriter<byte>
{
    private byte[] buffer = GC.AllocateUninitializedArray<byte>(Math.Min(initialCapacity, limit));

    public int Written { get; private set; }

    /// <summary>The output so far (the whole buffer when it grew to exactly the limit).</summary>
    public ReadOnlyMemory<byte> WrittenMemory => buffer.AsMemory(0, Written);

    public void Advance(int count) => Written += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint).AsMemory(Written);

    public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).AsSpan(Written);

    private byte[] Reserve(int sizeHint)
    {
        var wanted = (long)Written + Math.Max(sizeHint, 1);
        if (wanted <= buffer.Length || buffer.Length == limit)
        {
            return buffer;
        }

        var grown = (int)Math.Min(limit, Math.Max(wanted, 2L * buffer.Length));
        var next = GC.AllocateUninitializedArray<byte>(grown);
        buffer.AsSpan(0, Written).CopyTo(next);
        buffer = next;
        return buffer;
    }
}
