using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Harness.Clips.Messages;

/// <summary>Writes protobuf wire format into a growable buffer; nested messages are written into their own writer.</summary>
internal sealed class ProtobufWriter(int initialCapacity = 256)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(initialCapacity);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void Tag(int field, ProtobufWireType type) => Varint(((ulong)field << 3) | (uint)type);

    public void Varint(ulong value)
    {
        var span = _buffer.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _buffer.Advance(i);
    }

    public void VarintField(int field, ulong value)
    {
        if (value != 0)
        {
            Tag(field, ProtobufWireType.Varint);
            Varint(value);
        }
    }

    /// <summary>int32/int64 fields: negative values are sign-extended to ten bytes, as protobuf requires.</summary>
    public void SignedVarintField(int field, long value) => VarintField(field, unchecked((ulong)value));

    public void Fixed32Field(int field, uint value)
    {
        if (value != 0)
        {
            Tag(field, ProtobufWireType.Fixed32);
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), value);
            _buffer.Advance(4);
        }
    }

    public void DoubleField(int field, double value)
    {
        if (BitConverter.DoubleToInt64Bits(value) != 0)
        {
            Tag(field, ProtobufWireType.Fixed64);
            BinaryPrimitives.WriteDoubleLittleEndian(_buffer.GetSpan(8), value);
            _buffer.Advance(8);
        }
    }

    public void BytesField(int field, ReadOnlySpan<byte> value, bool always = false)
    {
        if (value.Length > 0 || always)
        {
            Tag(field, ProtobufWireType.LengthDelimited);
            Varint((ulong)value.Length);
            _buffer.Write(value);
        }
    }

    public void StringField(int field, string value)
    {
        if (value.Length > 0)
        {
            Tag(field, ProtobufWireType.LengthDelimited);
            var count = Encoding.UTF8.GetByteCount(value);
            Varint((ulong)count);
            _buffer.Advance(Encoding.UTF8.GetBytes(value, _buffer.GetSpan(count)));
        }
    }

    /// <summary>A nested message field, written even when empty (presence matters for message fields).</summary>
    public void MessageField(int field, ProtobufWriter nested) => BytesField(field, nested.WrittenSpan, always: true);
}
