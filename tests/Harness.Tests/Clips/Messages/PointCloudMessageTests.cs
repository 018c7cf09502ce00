using Harness.Clips.Messages;

namespace Harness.Tests.Clips.Messages;

public sealed class PointCloudMessageTests
{
    /// <summary>Hand-assembled foxglove.PointCloud for one point (1, 2, 3, 4), frame "l", timestamp 0, identity pose.</summary>
    private static readonly byte[] OnePointBytes =
    [
        0x0A, 0x00,                                   // timestamp = 1 {}
        0x12, 0x01, (byte)'l',                        // frame_id = 2
        0x1A, 0x0D,                                   // pose = 3
        0x0A, 0x00,                                   //   position = 1 {}
        0x12, 0x09, 0x21, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, // orientation = 2 { w = 4: 1.0 }
        0x25, 0x10, 0x00, 0x00, 0x00,                 // point_stride = 4: 16
        0x2A, 0x05, 0x0A, 0x01, (byte)'x', 0x18, 0x07, // fields = 5 { name "x", offset 0, FLOAT32 }
        0x2A, 0x0A, 0x0A, 0x01, (byte)'y', 0x15, 0x04, 0, 0, 0, 0x18, 0x07,
        0x2A, 0x0A, 0x0A, 0x01, (byte)'z', 0x15, 0x08, 0, 0, 0, 0x18, 0x07,
        0x2A, 0x12, 0x0A, 0x09, .. "intensity"u8, 0x15, 0x0C, 0, 0, 0, 0x18, 0x07,
        0x32, 0x10,                                   // data = 6
        0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x40, 0x40, 0x00, 0x00, 0x80, 0x40,
    ];

    [Fact]
    public void Encodes_one_point_to_hand_computed_bytes()
    {
        Assert.Equal(OnePointBytes, PointCloudMessage.FromXyzi(0, "l", [1f, 2f, 3f, 4f]).Encode());
    }

    [Fact]
    public void Decodes_hand_computed_bytes_to_a_lidar_scan()
    {
        var cloud = PointCloudMessage.Decode(OnePointBytes);

        Assert.Equal(("l", 16, 4), (cloud.FrameId, cloud.PointStride, cloud.Fields.Count));
        Assert.Equal(PointCloudPose.Identity, cloud.Pose);
        Assert.Equal(new[] { 1f, 2f, 3f, 4f }, cloud.ToLidarScan().Points.ToArray());
    }

    [Fact]
    public void Round_trips_many_points()
    {
        var random = new Random(9);
        var xyzi = Enumerable.Range(0, 4 * 5000).Select(_ => (float)((random.NextDouble() * 200) - 100)).ToArray();

        var decoded = PointCloudMessage.Decode(PointCloudMessage.FromXyzi(123_456_789_012, "lidar_top", xyzi).Encode());

        Assert.Equal(123_456_789_012, decoded.TimestampNs);
        Assert.Equal(5000, decoded.ToLidarScan().Count);
        Assert.Equal(xyzi, decoded.ToLidarScan().Points.ToArray());
    }

    [Fact]
    public void Reads_a_strided_layout_with_mixed_types_like_the_bulk_path()
    {
        // 20-byte points: z (float64) at 0, x and y (float32) at 8 and 12, intensity (uint8) at 16, 3 bytes padding.
        var data = new byte[40];
        for (var i = 0; i < 2; i++)
        {
            var point = data.AsSpan(i * 20);
            BitConverter.TryWriteBytes(point, 3.5 + i);
            BitConverter.TryWriteBytes(point[8..], 1.25f + i);
            BitConverter.TryWriteBytes(point[12..], -2f - i);
            point[16] = (byte)(200 + i);
        }

        var cloud = new PointCloudMessage(0, "l", 20, [new("z", 0, PackedNumericType.Float64), new("x", 8, PackedNumericType.Float32), new("y", 12, PackedNumericType.Float32), new("intensity", 16, PackedNumericType.Uint8)], data);

        Assert.Equal(new[] { 1.25f, -2f, 3.5f, 200f, 2.25f, -3f, 4.5f, 201f }, PointCloudMessage.Decode(cloud.Encode()).ToLidarScan().Points.ToArray());
    }

    [Fact]
    public void Rejects_cloud_without_xyz()
    {
        var cloud = new PointCloudMessage(0, "l", 4, [new("x", 0, PackedNumericType.Float32)], new byte[8]);

        Assert.Contains("'y'", Assert.Throws<MessageFormatException>(() => cloud.ToLidarScan()).Message, StringComparison.Ordinal);
    }
}
