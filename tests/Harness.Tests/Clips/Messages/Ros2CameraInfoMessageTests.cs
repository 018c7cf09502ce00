using System.Buffers.Binary;
using Harness.Clips.Messages;

namespace Harness.Tests.Clips.Messages;

public sealed class Ros2CameraInfoMessageTests
{
    [Fact]
    public void Round_trips_size_model_and_matrices()
    {
        double[] k = [525, 0, 319.5, 0, 525, 239.5, 0, 0, 1];
        double[] r = [1, 0, 0, 0, 1, 0, 0, 0, 1];
        double[] p = [525, 0, 319.5, 0, 0, 525, 239.5, 0, 0, 0, 1, 0];
        var info = new Ros2CameraInfoMessage(new Ros2Header(12, 34, "camera_optical"), 640, 480, "plumb_bob", [0.1, -0.2, 0, 0, 0.01], k, r, p);

        var decoded = Ros2CameraInfoMessage.Decode(info.Encode());

        Assert.Equal((info.Header, 640, 480, "plumb_bob"), (decoded.Header, decoded.Width, decoded.Height, decoded.DistortionModel));
        Assert.Equal(info.D, decoded.D);
        Assert.Equal(k, decoded.K);
        Assert.Equal(r, decoded.R);
        Assert.Equal(p, decoded.P);
    }

    [Fact]
    public void Lays_out_height_before_width_and_aligns_the_first_double_to_eight()
    {
        var info = new Ros2CameraInfoMessage(new Ros2Header(0, 0, ""), 640, 480, "", [], new double[9], new double[9], new double[12]);

        var bytes = info.Encode();

        // sec 0..4, nanosec 4..8, frame_id 8..13, height 16, width 20, distortion_model 24..29, d length 32, k from 40.
        Assert.Equal(480u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4 + 16)));
        Assert.Equal(640u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4 + 20)));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4 + 32)));
        Assert.Equal(4 + 40 + (30 * 8) + (6 * 4) + 1, bytes.Length);
    }

    [Fact]
    public void Truncated_message_is_a_format_error()
    {
        var bytes = new Ros2CameraInfoMessage(new Ros2Header(0, 0, ""), 4, 3, "", [], new double[9], new double[9], new double[12]).Encode();

        var error = Assert.Throws<MessageFormatException>(() => Ros2CameraInfoMessage.Decode(bytes.AsMemory(0, bytes.Length - 2)));

        Assert.StartsWith("sensor_msgs/msg/CameraInfo: truncated at byte ", error.Message, StringComparison.Ordinal);
    }
}
