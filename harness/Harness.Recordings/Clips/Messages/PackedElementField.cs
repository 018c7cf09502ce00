using System.Buffers.Binary;

namespace Harness.Clips.Messages;

/// <summary>foxglove.PackedElementField: name = 1, offset = 2 (fixed32, bytes into a point), type = 3.</summary>
internal sealed record PackedElementField(string Name, int Offset, PackedNumericType Type)
{
    internal int Size => Type switch
    {
        PackedNumericType.Uint8 or PackedNumericType.Int8 => 1,
        PackedNumericType.Uint16 or PackedNumericType.Int16 => 2,
        PackedNumericType.Uint32 or PackedNumericType.Int32 or PackedNumericType.Float32 => 4,
        PackedNumericType.Float64 => 8,
        _ => 0,
    };

    internal void Write(ProtobufWriter writer)
    {
        writer.StringField(1, Name);
        writer.Fixed32Field(2, (uint)Offset);
        writer.VarintField(3, (ulong)Type);
    }

    internal static PackedElementField Decode(ReadOnlySpan<byte> data)
    {
        var reader = new ProtobufReader(data, "foxglove.PackedElementField");
        string name = "";
        uint offset = 0;
        ulong type = 0;
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1:
                    reader.Expect(wire, ProtobufWireType.LengthDelimited, field);
                    name = reader.String();
                    break;
                case 2:
                    reader.Expect(wire, ProtobufWireType.Fixed32, field);
                    offset = reader.Fixed32();
                    break;
                case 3:
                    reader.Expect(wire, ProtobufWireType.Varint, field);
                    type = reader.Varint();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return new PackedElementField(name, (int)Math.Min(offset, int.MaxValue), type <= 8 ? (PackedNumericType)type : PackedNumericType.Unknown);
    }

    /// <summary>This field of the point starting at <paramref name="point"/>, as float.</summary>
    internal float Read(ReadOnlySpan<byte> point)
    {
        var s = point.Slice(Offset, Size);
        return Type switch
        {
            PackedNumericType.Uint8 => s[0],
            PackedNumericType.Int8 => (sbyte)s[0],
            PackedNumericType.Uint16 => BinaryPrimitives.ReadUInt16LittleEndian(s),
            PackedNumericType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(s),
            PackedNumericType.Uint32 => BinaryPrimitives.ReadUInt32LittleEndian(s),
            PackedNumericType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(s),
            PackedNumericType.Float32 => BinaryPrimitives.ReadSingleLittleEndian(s),
            PackedNumericType.Float64 => (float)BinaryPrimitives.ReadDoubleLittleEndian(s),
            _ => 0f,
        };
    }
}
