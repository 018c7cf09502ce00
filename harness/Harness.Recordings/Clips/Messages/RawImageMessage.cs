namespace Harness.Clips.Messages;

/// <summary>
/// foxglove.RawImage (protobuf): timestamp = 1, width = 2, height = 3 (fixed32), encoding = 4, step = 5 (fixed32),
/// data = 6, frame_id = 7. Decoding does not copy <see cref="Data"/>: it slices the payload.
/// </summary>
internal sealed record RawImageMessage(long TimestampNs, string FrameId, int Width, int Height, string Encoding, int Step, ReadOnlyMemory<byte> Data)
{
    public const string SchemaName = "foxglove.RawImage";

    public byte[] Encode()
    {
        var writer = new ProtobufWriter(Data.Length + 64);
        writer.MessageField(1, FoxgloveTimestamp.Encode(TimestampNs));
        writer.Fixed32Field(2, (uint)Width);
        writer.Fixed32Field(3, (uint)Height);
        writer.StringField(4, Encoding);
        writer.Fixed32Field(5, (uint)Step);
        writer.BytesField(6, Data.Span);
        writer.StringField(7, FrameId);
        return writer.ToArray();
    }

    public static RawImageMessage Decode(ReadOnlyMemory<byte> payload)
    {
        var reader = new ProtobufReader(payload.Span, SchemaName);
        long timestamp = 0;
        uint width = 0, height = 0, step = 0;
        string encoding = "", frameId = "";
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
                    reader.Expect(type, ProtobufWireType.Fixed32, field);
                    width = reader.Fixed32();
                    break;
                case 3:
                    reader.Expect(type, ProtobufWireType.Fixed32, field);
                    height = reader.Fixed32();
                    break;
                case 4:
                    reader.Expect(type, ProtobufWireType.LengthDelimited, field);
                    encoding = reader.String();
                    break;
                case 5:
                    reader.Expect(type, ProtobufWireType.Fixed32, field);
                    step = reader.Fixed32();
                    break;
                case 6:
                    reader.Expect(type, ProtobufWireType.LengthDelimited, field);
                    var (dataOffset, dataLength) = reader.LengthDelimited();
                    data = payload.Slice(dataOffset, dataLength);
                    break;
                case 7:
                    reader.Expect(type, ProtobufWireType.LengthDelimited, field);
                    frameId = reader.String();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        if (width > int.MaxValue || height > int.MaxValue || step > int.MaxValue)
        {
            throw new MessageFormatException($"{SchemaName}: width, height or step exceeds {int.MaxValue}");
        }

        return new RawImageMessage(timestamp, frameId, (int)width, (int)height, encoding, (int)step, data);
    }

    /// <summary>The pixels as a camera image (no copy); only the 8-bit three-channel encodings rgb8 and bgr8 qualify.</summary>
    public CameraImage ToCameraImage() => ImageLayout.ToCameraImage(SchemaName, Width, Height, Encoding, Step, Data);
}
