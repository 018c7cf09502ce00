using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Harness.Clips.Messages;

/// <summary>
/// The one protobuf wire-format writer: clip and review messages (foxglove schemas) and the reference detector's ONNX
/// graph. Writes into a growable buffer; a nested message is written into its own writer first, so its length prefix
/// is known, and fields come out in the order the caller writes them, which keeps the bytes deterministic.
/// </summary>
/// <param name="explicitPresence">
/// Write every field, default values included, as proto2 messages (ONNX) do; otherwise a zero number or an empty string
/// or bytes field is left out, as proto3 (foxglove) serializers do. Nested writers made by
/// <see cref="MessageField(int, Action{ProtobufWriter})"/> inherit it.
/// </param>
internal sealed class ProtobufWriter(int initialCapacity = 256, bool explicitPresence = false)
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
        if (value != 0 || explicitPresence)
        {
            Tag(field, ProtobufWireType.Varint);
            Varint(value);
        }
    }

    /// <summary>int32/int64 fields: negative values are sign-extended to ten bytes, as protobuf requires.</summary>
    public void SignedVarintField(int field, long value) => VarintField(field, unchecked((ulong)value));

    public void Fixed32Field(int field, uint value)
    {
        if (value != 0 || explicitPresence)
        {
            Tag(field, ProtobufWireType.Fixed32);
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), value);
            _buffer.Advance(4);
        }
    }

    /// <summary>A float is a little-endian fixed32 of its bits (so -0 is not a default value).</summary>
    public void FloatField(int field, float value) => Fixed32Field(field, BitConverter.SingleToUInt32Bits(value));

    public void DoubleField(int field, double value)
    {
        if (BitConverter.DoubleToInt64Bits(value) != 0 || explicitPresence)
        {
            Tag(field, ProtobufWireType.Fixed64);
            BinaryPrimitives.WriteDoubleLittleEndian(_buffer.GetSpan(8), value);
            _buffer.Advance(8);
        }
    }

    public void BytesField(int field, ReadOnlySpan<byte> value, bool always = false)
    {
        if (value.Length > 0 || always || explicitPresence)
        {
            Tag(field, ProtobufWireType.LengthDelimited);
            Varint((ulong)value.Length);
            _buffer.Write(value);
        }
    }

    public void StringField(int field, string value)
    {
        if (value.Length > 0 || explicitPresence)
        {
            Tag(field, ProtobufWireType.LengthDelimited);
            var count = Encoding.UTF8.GetByteCount(value);
            Varint((ulong)count);
            _buffer.Advance(Encoding.UTF8.GetBytes(value, _buffer.GetSpan(count)));
        }
    }

    /// <summary>A packed repeated int64 field: the values' varints in one length-delimited field.</summary>
    public void PackedVarintField(int field, ReadOnlySpan<long> values)
    {
        var packed = new ProtobufWriter();
        foreach (var value in values)
        {
            packed.Varint(unchecked((ulong)value));
        }

        BytesField(field, packed.WrittenSpan);
    }

    /// <summary>A packed repeated float field: the values as little-endian fixed32 in one length-delimited field.</summary>
    public void PackedFloatField(int field, ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        BytesField(field, bytes);
    }

    /// <summary>A nested message field, written even when empty (presence matters for message fields).</summary>
    public void MessageField(int field, ProtobufWriter nested) => BytesField(field, nested.WrittenSpan, always: true);

    /// <summary>A nested message written by <paramref name="writeBody"/> into a writer with this one's presence rule.</summary>
    public void MessageField(int field, Action<ProtobufWriter> writeBody)
    {
        var nested = new ProtobufWriter(explicitPresence: explicitPresence);
        writeBody(nested);
        MessageField(field, nested);
    }
}
