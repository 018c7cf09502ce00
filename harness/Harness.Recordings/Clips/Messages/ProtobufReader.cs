using System.Buffers.Binary;
using System.Text;

namespace Harness.Clips.Messages;

/// <summary>Reads protobuf wire format; malformed input raises <see cref="MessageFormatException"/>.</summary>
internal ref struct ProtobufReader(ReadOnlySpan<byte> data, string messageName)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly int Position => _position;

    public readonly bool End => _position >= _data.Length;

    /// <summary>Reads the next tag; returns false at the end of the message.</summary>
    public bool Next(out int field, out ProtobufWireType type)
    {
        if (End)
        {
            field = 0;
            type = 0;
            return false;
        }

        var tag = Varint();
        field = (int)(tag >> 3);
        type = (ProtobufWireType)(tag & 7);
        if (field == 0)
        {
            throw Error("field number 0");
        }

        return true;
    }

    public ulong Varint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (End)
            {
                throw Error("truncated varint");
            }

            var b = _data[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Error("varint longer than ten bytes");
    }

    public uint Fixed32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    /// <summary>A length-delimited field's bytes: (offset in the message, length).</summary>
    public (int Offset, int Length) LengthDelimited()
    {
        var length = Varint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw Error("length-delimited field runs past the end");
        }

        var offset = _position;
        _position += (int)length;
        return (offset, (int)length);
    }

    /// <summary>A length-delimited google.protobuf.Timestamp field, as nanoseconds.</summary>
    public long Timestamp()
    {
        var (offset, length) = LengthDelimited();
        return FoxgloveTimestamp.Decode(_data.Slice(offset, length), messageName);
    }

    public string String()
    {
        var (offset, length) = LengthDelimited();
        return Encoding.UTF8.GetString(_data.Slice(offset, length));
    }

    public void Skip(ProtobufWireType type)
    {
        switch (type)
        {
            case ProtobufWireType.Varint:
                Varint();
                break;
            case ProtobufWireType.Fixed64:
                Take(8);
                break;
            case ProtobufWireType.LengthDelimited:
                LengthDelimited();
                break;
            case ProtobufWireType.Fixed32:
                Take(4);
                break;
            default:
                throw Error($"unsupported wire type {(int)type}");
        }
    }

    /// <summary>Checks a known field arrived with the wire type its schema gives it.</summary>
    public readonly void Expect(ProtobufWireType actual, ProtobufWireType expected, int field)
    {
        if (actual != expected)
        {
            throw Error($"field {field} has wire type {actual}, expected {expected}");
        }
    }

    public readonly MessageFormatException Error(string problem) => new($"{messageName}: {problem} at byte {_position}");

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _position)
        {
            throw Error("truncated fixed-width field");
        }

        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }
}
