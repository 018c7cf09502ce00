namespace Harness.Clips.Messages;

/// <summary>
/// ROS 2 sensor_msgs/msg/CompressedImage in CDR: header, string format ("jpeg", "png", or image_transport's
/// "bgr8; jpeg compressed bgr8"), uint8[] data. Decoding slices <see cref="Data"/>.
/// </summary>
internal sealed record Ros2CompressedImageMessage(Ros2Header Header, string Format, ReadOnlyMemory<byte> Data)
{
    public const string SchemaName = "sensor_msgs/msg/CompressedImage";

    public static string SchemaText { get; } = Ros2Schema.Text(
        "std_msgs/Header header\nstring format\nuint8[] data\n",
        ("std_msgs/Header", Ros2Header.Definition),
        ("builtin_interfaces/Time", Ros2Header.TimeDefinition));

    public byte[] Encode()
    {
        var writer = new CdrWriter(Data.Length + 64 + Header.FrameId.Length + Format.Length);
        Header.Write(writer);
        writer.String(Format);
        writer.ByteSequence(Data.Span);
        return writer.ToArray();
    }

    public static Ros2CompressedImageMessage Decode(ReadOnlyMemory<byte> payload)
    {
        var reader = new CdrReader(payload.Span, SchemaName);
        var header = Ros2Header.Read(ref reader);
        var format = reader.String();
        var (offset, length) = reader.ByteSequence();
        return new Ros2CompressedImageMessage(header, format, payload.Slice(offset, length));
    }

    public CameraImage ToCameraImage() => CompressedImageDecoder.Decode(SchemaName, Format, Data);
}
