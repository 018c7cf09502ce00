using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Harness.Clips.Messages;

/// <summary>
/// Little-endian CDR (XCDR1, as ROS 2 serializes): a four-byte encapsulation header (0x00 0x01 0x00 0x00), then each
/// primitive aligned to its size relative to the end of that header.
/// </summary>
internal sealed class CdrWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    public CdrWriter(int capacity)
    {
        _buffer = new ArrayBufferWriter<byte>(capacity + 4);
        _buffer.Write(Ros2Cdr.LittleEndianHeader);
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void U8(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void U32(uint value)
    {
        Align(4);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void I32(int value) => U32(unchecked((uint)value));

    public void F64(double value)
    {
        Align(8);
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    /// <summary>uint32 length counting the terminating NUL, the UTF-8 bytes, then the NUL.</summary>
    public void String(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        U32((uint)count + 1);
        _buffer.Advance(Encoding.UTF8.GetBytes(value, _buffer.GetSpan(count)));
        U8(0);
    }

    public void ByteSequence(ReadOnlySpan<byte> value)
    {
        U32((uint)value.Length);
        _buffer.Write(value);
    }

    private void Align(int size)
    {
        var padding = (size - ((_buffer.WrittenCount - 4) % size)) % size;
        if (padding > 0)
        {
            _buffer.GetSpan(padding)[..padding].Clear();
            _buffer.Advance(padding);
        }
    }
}
