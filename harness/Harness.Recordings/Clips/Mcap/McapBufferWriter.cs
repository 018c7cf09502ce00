using System.Buffers.Binary;
using System.Text;

namespace Harness.Clips.Mcap;

/// <summary>A growable little-endian byte buffer that records are serialized into before they reach the output.</summary>
internal sealed class McapBufferWriter
{
    private byte[] _buffer;

    public McapBufferWriter(int initialCapacity = 4096)
    {
        _buffer = new byte[Math.Max(initialCapacity, 64)];
    }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, Length);

    public void Clear() => Length = 0;

    public void U8(byte value) => Take(1)[0] = value;

    public void U16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Take(2), value);

    public void U32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Take(4), value);

    public void U64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Take(8), value);

    public void Bytes(ReadOnlySpan<byte> value) => value.CopyTo(Take(value.Length));

    /// <summary>uint32 byte-length prefix followed by UTF-8 bytes.</summary>
    public void String(string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        U32((uint)byteCount);
        Encoding.UTF8.GetBytes(value, Take(byteCount));
    }

    /// <summary>Reserves a uint64 slot (a record's content length) and returns its position for <see cref="PatchU64"/>.</summary>
    public int ReserveU64()
    {
        var position = Length;
        Take(8);
        return position;
    }

    /// <summary>Reserves a uint32 slot (a map's byte length) and returns its position for <see cref="PatchU32"/>.</summary>
    public int ReserveU32()
    {
        var position = Length;
        Take(4);
        return position;
    }

    public void PatchU64(int position, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(position, 8), value);

    public void PatchU32(int position, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(position, 4), value);

    private Span<byte> Take(int count)
    {
        if (Length + count > _buffer.Length)
        {
            var capacity = Math.Max(_buffer.Length * 2L, (long)Length + count);
            Array.Resize(ref _buffer, (int)Math.Min(capacity, Array.MaxLength));
        }

        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
