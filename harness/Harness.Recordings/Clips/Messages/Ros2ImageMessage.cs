namespace Harness.Clips.Messages;

/// <summary>
/// ROS 2 sensor_msgs/msg/Image in little-endian CDR: header (stamp sec int32, nanosec uint32, frame_id), height,
/// width, encoding, is_bigendian (uint8), step, data (sequence&lt;uint8&gt;). Decoding slices <see cref="Data"/>.
/// </summary>
internal sealed record Ros2ImageMessage(int Sec, uint Nanosec, string FrameId, int Height, int Width, string Encoding, bool IsBigEndian, int Step, ReadOnlyMemory<byte> Data)
{
    public const string SchemaName = "sensor_msgs/msg/Image";

    /// <summary>The ros2msg schema text, with its dependencies after "=" separator lines as ROS 2 tools write it.</summary>
    public const string SchemaText =
        "std_msgs/Header header\nuint32 height\nuint32 width\nstring encoding\nuint8 is_bigendian\nuint32 step\nuint8[] data\n" +
        "================================================================================\nMSG: std_msgs/Header\n" +
        "builtin_interfaces/Time stamp\nstring frame_id\n" +
        "================================================================================\nMSG: builtin_interfaces/Time\n" +
        "int32 sec\nuint32 nanosec\n";

    public long TimestampNs => (Sec * 1_000_000_000L) + Nanosec;

    public static Ros2ImageMessage FromTimestamp(long timestampNs, string frameId, int width, int height, string encoding, int step, ReadOnlyMemory<byte> data)
    {
        var header = Ros2Header.FromTimestamp(timestampNs, frameId);
        return new Ros2ImageMessage(header.Sec, header.Nanosec, frameId, height, width, encoding, false, step, data);
    }

    public byte[] Encode()
    {
        var writer = new CdrWriter(Data.Length + 64 + FrameId.Length + Encoding.Length);
        writer.I32(Sec);
        writer.U32(Nanosec);
        writer.String(FrameId);
        writer.U32((uint)Height);
        writer.U32((uint)Width);
        writer.String(Encoding);
        writer.U8(IsBigEndian ? (byte)1 : (byte)0);
        writer.U32((uint)Step);
        writer.ByteSequence(Data.Span);
        return writer.ToArray();
    }

    public static Ros2ImageMessage Decode(ReadOnlyMemory<byte> payload)
    {
        var reader = new CdrReader(payload.Span, SchemaName);
        var sec = reader.I32();
        var nanosec = reader.U32();
        var frameId = reader.String();
        var height = reader.U32();
        var width = reader.U32();
        var encoding = reader.String();
        var isBigEndian = reader.U8() != 0;
        var step = reader.U32();
        var (offset, length) = reader.ByteSequence();
        if (height > int.MaxValue || width > int.MaxValue || step > int.MaxValue)
        {
            throw new MessageFormatException($"{SchemaName}: width, height or step exceeds {int.MaxValue}");
        }

        return new Ros2ImageMessage(sec, nanosec, frameId, (int)height, (int)width, encoding, isBigEndian, (int)step, payload.Slice(offset, length));
    }

    /// <summary>The pixels as a camera image: rgb8 and bgr8 without a copy, the other encodings of <see cref="ImageLayout"/> repacked.</summary>
    public CameraImage ToCameraImage() => ImageLayout.ToCameraImage(SchemaName, Width, Height, Encoding, Step, Data);
}
