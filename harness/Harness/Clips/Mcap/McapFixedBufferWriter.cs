using System.Buffers;

namespace Harness.Clips.Mcap;

/// <summary>An <see cref="IBufferWriter{T}"/> over a caller's array of known final size (a chunk's uncompressed size).</summary>
internal sealed class McapFixedBufferWriter(byte[] target) : IBufferWriter<byte>
{
    public int Written { get; private set; }

    public void Advance(int count) => Written += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => target.AsMemory(Written);

    public Span<byte> GetSpan(int sizeHint = 0) => target.AsSpan(Written);
}
