using Google.Protobuf;
using Google.Protobuf.Reflection;
using Harness.Clips.Mcap;

namespace Harness.Tests.Clips.Messages;

/// <summary>
/// Decodes protobuf bytes by a schema's FileDescriptorSet with Google.Protobuf's own wire reader (C# Google.Protobuf
/// has no dynamic message), so an encoder is checked against the schema it ships with by code that shares nothing
/// with the project's writer. Every field must be one the schema names, with the wire type its type implies; enums
/// decode to their value names.
/// </summary>
internal static class SchemaDecoder
{
    public static MessageDescriptor Descriptor(McapSchema schema)
    {
        var set = FileDescriptorSet.Parser.ParseFrom(schema.Data.ToArray());
        var files = FileDescriptor.BuildFromByteStrings(set.File.Select(file => file.ToByteString()));
        return files.SelectMany(file => file.MessageTypes).Single(type => type.FullName == schema.Name);
    }

    public static DecodedMessage Decode(McapSchema schema, ReadOnlyMemory<byte> bytes) => Decode(Descriptor(schema), bytes.ToArray());

    public static DecodedMessage Decode(MessageDescriptor descriptor, byte[] bytes)
    {
        var input = new CodedInputStream(bytes);
        var fields = new Dictionary<string, List<object>>();
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            var field = descriptor.FindFieldByNumber(number);
            Assert.True(field is not null, $"{descriptor.FullName} has no field {number}");
            Assert.Equal(WireTypeOf(field.FieldType), WireFormat.GetTagWireType(tag));
            object value = field.FieldType switch
            {
                FieldType.Double => input.ReadDouble(),
                FieldType.Fixed32 => input.ReadFixed32(),
                FieldType.Int32 => input.ReadInt32(),
                FieldType.Int64 => input.ReadInt64(),
                FieldType.Enum => field.EnumType.FindValueByNumber(input.ReadEnum())?.Name ?? "<undeclared value>",
                FieldType.String => input.ReadString(),
                FieldType.Bytes => input.ReadBytes().ToByteArray(),
                FieldType.Message => Decode(field.MessageType, input.ReadBytes().ToByteArray()),
                _ => throw new NotSupportedException($"field type {field.FieldType}"),
            };
            if (!fields.TryGetValue(field.Name, out var values))
            {
                fields[field.Name] = values = [];
            }

            Assert.True(field.IsRepeated || values.Count == 0, $"{descriptor.FullName}.{field.Name} is not repeated but occurs twice");
            values.Add(value);
        }

        return new DecodedMessage(descriptor.FullName, fields.ToDictionary(p => p.Key, p => (IReadOnlyList<object>)p.Value));
    }

    private static WireFormat.WireType WireTypeOf(FieldType type) => type switch
    {
        FieldType.Double or FieldType.Fixed64 or FieldType.SFixed64 => WireFormat.WireType.Fixed64,
        FieldType.Float or FieldType.Fixed32 or FieldType.SFixed32 => WireFormat.WireType.Fixed32,
        FieldType.String or FieldType.Bytes or FieldType.Message => WireFormat.WireType.LengthDelimited,
        _ => WireFormat.WireType.Varint,
    };
}
