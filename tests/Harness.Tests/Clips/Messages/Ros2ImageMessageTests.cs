using Harness.Clips.Messages;

namespace Harness.Tests.Clips.Messages;

public sealed class Ros2ImageMessageTests
{
    private static readonly Ros2ImageMessage Sample = new(1, 5, "cam", 1, 2, "rgb8", false, 6, new byte[] { 1, 2, 3, 4, 5, 6 });

    /// <summary>Hand-assembled little-endian CDR; alignment counts from the end of the 4-byte encapsulation header.</summary>
    private static readonly byte[] SampleBytes =
    [
        0x00, 0x01, 0x00, 0x00,                                 // CDR_LE encapsulation
        0x01, 0x00, 0x00, 0x00,                                 // header.stamp.sec
        0x05, 0x00, 0x00, 0x00,                                 // header.stamp.nanosec
        0x04, 0x00, 0x00, 0x00, (byte)'c', (byte)'a', (byte)'m', 0x00, // header.frame_id (length counts the NUL)
        0x01, 0x00, 0x00, 0x00,                                 // height
        0x02, 0x00, 0x00, 0x00,                                 // width
        0x05, 0x00, 0x00, 0x00, (byte)'r', (byte)'g', (byte)'b', (byte)'8', 0x00, // encoding
        0x00,                                                   // is_bigendian
        0x00, 0x00,                                             // padding to a 4-byte boundary
        0x06, 0x00, 0x00, 0x00,                                 // step
        0x06, 0x00, 0x00, 0x00, 1, 2, 3, 4, 5, 6,               // data
    ];

    [Fact]
    public void Encodes_to_hand_computed_cdr()
    {
        Assert.Equal(SampleBytes, Sample.Encode());
    }

    [Fact]
    public void Decodes_hand_computed_cdr()
    {
        var decoded = Ros2ImageMessage.Decode(SampleBytes);

        Assert.Equal(Sample with { Data = default }, decoded with { Data = default });
        Assert.Equal(1_000_000_005, decoded.TimestampNs);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, decoded.ToCameraImage().Pixels.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("ab")]
    [InlineData("camera_front_left")]
    public void Round_trips_with_every_string_padding(string frameId)
    {
        var pixels = new byte[4 * 3 * 3];
        new Random(frameId.Length).NextBytes(pixels);
        var image = Ros2ImageMessage.FromTimestamp(-1_250_000_000, frameId, 4, 3, "bgr8", 12, pixels);

        var decoded = Ros2ImageMessage.Decode(image.Encode());

        Assert.Equal((-2, 750_000_000u), (decoded.Sec, decoded.Nanosec));
        Assert.Equal(-1_250_000_000, decoded.TimestampNs);
        Assert.Equal(image with { Data = default }, decoded with { Data = default });
        Assert.Equal(PixelFormat.Bgr8, decoded.ToCameraImage().Format);
        Assert.Equal(pixels, decoded.Data.ToArray());
    }

    [Fact]
    public void Rejects_big_endian_and_truncated_payloads()
    {
        byte[] bigEndian = [0x00, 0x00, 0x00, 0x00, .. SampleBytes[4..]];

        Assert.Contains("big-endian", Assert.Throws<MessageFormatException>(() => Ros2ImageMessage.Decode(bigEndian)).Message, StringComparison.Ordinal);
        Assert.Throws<MessageFormatException>(() => Ros2ImageMessage.Decode(SampleBytes.AsMemory(0, SampleBytes.Length - 1)));
    }
}
