namespace Harness.Clips.Messages;

/// <summary>
/// foxglove.CompressedImage (protobuf): timestamp = 1, data = 2, format = 3 ("png", "jpeg"), frame_id = 4.
/// </summary>
internal sealed record CompressedImageMessage(long TimestampNs, string FrameId, string Format, ReadOnlyMemory<byte> Data)
{
    public const string SchemaName = "foxglove.CompressedImage";

    public byte[] Encode()
    {
        var writer = new ProtobufWriter(Data.Length + 64);
        writer.MessageField(1, FoxgloveTimestamp.Encode(TimestampNs));
        writer.BytesField(2, Data.Span);
        writer.StringField(3, Format);
        writer.StringField(4, FrameId);
        return writer.ToArray();
    }

    public static CompressedImageMessage Decode(ReadOnlyMemory<byte> payload)
    {
        var reader = new ProtobufReader(payload.Span, SchemaName);
        long timestamp = 0;
        string format = "", frameId = "";
        ReadOnlyMemory<byte> data = default;
        while (reader.Next(out var field, out var type))
        {
            switch (field)
            {
                case 1:
                    reader.Expect(type, ProtobufWireType.LengthDelimited, field);
                    timestamp = reader.Timestamp();
                    break;
                case 2:
                    reader.Expect(type, ProtobufWireType.LengthDelimited, field);
                    var (dataOffset, dataLength) = reader.LengthDelimited();
                    data = payload.Slice(dataOffset, dataLength);
                    break;
                case 3:
                    reader.Expect(type, ProtobufWireType.LengthDelimited, field);
                    format = reader.String();
                    break;
                case 4:
                    reader.Expect(type, ProtobufWireType.LengthDelimited, field);
                    frameId = reader.String();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        return new CompressedImageMessage(timestamp, frameId, format, data);
    }
}
