namespace Harness.Clips.Messages;

/// <summary>foxglove.Pose: position (Vector3 = 1) and orientation (Quaternion = 2), doubles.</summary>
internal sealed record PointCloudPose(double X, double Y, double Z, double Qx, double Qy, double Qz, double Qw)
{
    public static PointCloudPose Identity { get; } = new(0, 0, 0, 0, 0, 0, 1);

    internal ProtobufWriter Encode()
    {
        var position = new ProtobufWriter(32);
        position.DoubleField(1, X);
        position.DoubleField(2, Y);
        position.DoubleField(3, Z);
        var orientation = new ProtobufWriter(40);
        orientation.DoubleField(1, Qx);
        orientation.DoubleField(2, Qy);
        orientation.DoubleField(3, Qz);
        orientation.DoubleField(4, Qw);
        var pose = new ProtobufWriter(80);
        pose.MessageField(1, position);
        pose.MessageField(2, orientation);
        return pose;
    }

    internal static PointCloudPose Decode(ReadOnlySpan<byte> data)
    {
        var reader = new ProtobufReader(data, "foxglove.Pose");
        Span<double> p = stackalloc double[3];
        Span<double> q = stackalloc double[4];
        while (reader.Next(out var field, out var wire))
        {
            if (field is 1 or 2 && wire == ProtobufWireType.LengthDelimited)
            {
                var (offset, length) = reader.LengthDelimited();
                ReadDoubles(data.Slice(offset, length), field == 1 ? p : q);
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return new PointCloudPose(p[0], p[1], p[2], q[0], q[1], q[2], q[3]);
    }

    private static void ReadDoubles(ReadOnlySpan<byte> data, Span<double> values)
    {
        var reader = new ProtobufReader(data, "foxglove.Pose");
        while (reader.Next(out var field, out var wire))
        {
            if (field >= 1 && field <= values.Length && wire == ProtobufWireType.Fixed64)
            {
                values[field - 1] = reader.Double();
            }
            else
            {
                reader.Skip(wire);
            }
        }
    }
}
