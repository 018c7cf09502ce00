namespace Harness.Clips.Messages;

/// <summary>
/// ROS 2 sensor_msgs/msg/CameraInfo in CDR: header, uint32 height, uint32 width, string distortion_model,
/// float64[] d, float64[9] k, float64[9] r, float64[12] p, uint32 binning_x, uint32 binning_y, then
/// RegionOfInterest roi (uint32 x_offset, y_offset, height, width; bool do_rectify). Fixed-size arrays carry no
/// length in CDR. <see cref="K"/> is the row-major 3x3 intrinsic matrix of the raw image.
/// </summary>
internal sealed record Ros2CameraInfoMessage(Ros2Header Header, int Width, int Height, string DistortionModel, double[] D, double[] K, double[] R, double[] P)
{
    public const string SchemaName = "sensor_msgs/msg/CameraInfo";

    public static string SchemaText { get; } = Ros2Schema.Text(
        "std_msgs/Header header\nuint32 height\nuint32 width\nstring distortion_model\nfloat64[] d\nfloat64[9] k\nfloat64[9] r\n" +
        "float64[12] p\nuint32 binning_x\nuint32 binning_y\nsensor_msgs/RegionOfInterest roi\n",
        ("std_msgs/Header", Ros2Header.Definition),
        ("builtin_interfaces/Time", Ros2Header.TimeDefinition),
        ("sensor_msgs/RegionOfInterest", "uint32 x_offset\nuint32 y_offset\nuint32 height\nuint32 width\nbool do_rectify\n"));

    public byte[] Encode()
    {
        if (K.Length != 9 || R.Length != 9 || P.Length != 12)
        {
            throw new ArgumentException("k and r need 9 values and p 12");
        }

        var writer = new CdrWriter(64 + (8 * (D.Length + 30)) + Header.FrameId.Length + DistortionModel.Length);
        Header.Write(writer);
        writer.U32((uint)Height);
        writer.U32((uint)Width);
        writer.String(DistortionModel);
        writer.U32((uint)D.Length);
        foreach (var value in D.Concat(K).Concat(R).Concat(P))
        {
            writer.F64(value);
        }

        for (var i = 0; i < 6; i++)
        {
            writer.U32(0);
        }

        writer.U8(0);
        return writer.ToArray();
    }

    public static Ros2CameraInfoMessage Decode(ReadOnlyMemory<byte> payload)
    {
        var reader = new CdrReader(payload.Span, SchemaName);
        var header = Ros2Header.Read(ref reader);
        var height = reader.U32();
        var width = reader.U32();
        var model = reader.String();
        var d = Doubles(ref reader, reader.SequenceLength(8));
        var k = Doubles(ref reader, 9);
        var r = Doubles(ref reader, 9);
        var p = Doubles(ref reader, 12);
        for (var i = 0; i < 6; i++)
        {
            reader.U32();
        }

        reader.U8();
        if (width > int.MaxValue || height > int.MaxValue)
        {
            throw new MessageFormatException($"{SchemaName}: width or height exceeds {int.MaxValue}");
        }

        return new Ros2CameraInfoMessage(header, (int)width, (int)height, model, d, k, r, p);
    }

    private static double[] Doubles(ref CdrReader reader, int count)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.F64();
        }

        return values;
    }
}
