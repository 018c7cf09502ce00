using Google.Protobuf;
using Harness.Clips.Messages;

namespace Harness.Tests.Clips.Messages;

public sealed class RawImageMessageTests
{
    private static readonly RawImageMessage Sample = new(1_000_000_005, "cam", 2, 1, "rgb8", 6, new byte[] { 1, 2, 3, 4, 5, 6 });

    /// <summary>Hand-assembled from the foxglove.RawImage field numbers and protobuf wire rules.</summary>
    private static readonly byte[] SampleBytes =
    [
        0x0A, 0x04, 0x08, 0x01, 0x10, 0x05,          // timestamp = 1 { seconds = 1, nanos = 5 }
        0x15, 0x02, 0x00, 0x00, 0x00,                // width = 2 (fixed32)
        0x1D, 0x01, 0x00, 0x00, 0x00,                // height = 3 (fixed32)
        0x22, 0x04, (byte)'r', (byte)'g', (byte)'b', (byte)'8', // encoding = 4
        0x2D, 0x06, 0x00, 0x00, 0x00,                // step = 5 (fixed32)
        0x32, 0x06, 1, 2, 3, 4, 5, 6,                // data = 6
        0x3A, 0x03, (byte)'c', (byte)'a', (byte)'m', // frame_id = 7
    ];

    [Fact]
    public void Encodes_to_hand_computed_bytes()
    {
        Assert.Equal(SampleBytes, Sample.Encode());
    }

    [Fact]
    public void Decodes_hand_computed_bytes()
    {
        var decoded = RawImageMessage.Decode(SampleBytes);

        Assert.Equal(Sample with { Data = default }, decoded with { Data = default });
        Assert.Equal(Sample.Data.ToArray(), decoded.Data.ToArray());
    }

    [Fact]
    public void Round_trips_a_large_image_and_reads_with_google_protobuf()
    {
        var pixels = new byte[640 * 480 * 3];
        new Random(4).NextBytes(pixels);
        var image = new RawImageMessage(-1_500_000_000, "camera_front", 640, 480, "bgr8", 1920, pixels);

        var bytes = image.Encode();
        var decoded = RawImageMessage.Decode(bytes);

        Assert.Equal((image.TimestampNs, image.FrameId, image.Width, image.Height, image.Encoding, image.Step), (decoded.TimestampNs, decoded.FrameId, decoded.Width, decoded.Height, decoded.Encoding, decoded.Step));
        Assert.True(pixels.AsSpan().SequenceEqual(decoded.Data.Span));
        var fields = ReadWithGoogleProtobuf(bytes);
        Assert.Equal(pixels, fields[6]);
        Assert.Equal("camera_front"u8.ToArray(), fields[7]);
    }

    [Fact]
    public void Skips_unknown_fields()
    {
        byte[] withUnknown = [0x48, 0x96, 0x01, .. SampleBytes, 0x55, 0xAA, 0xBB, 0xCC, 0xDD];

        Assert.Equal(2, RawImageMessage.Decode(withUnknown).Width);
    }

    [Fact]
    public void Converts_to_camera_image_without_copying()
    {
        var camera = RawImageMessage.Decode(SampleBytes).ToCameraImage();

        Assert.Equal((2, 1, 6, PixelFormat.Rgb8), (camera.Width, camera.Height, camera.Stride, camera.Format));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, camera.Pixels.ToArray());
    }

    [Fact]
    public void Rejects_unsupported_encoding_and_short_data()
    {
        Assert.Contains("mono16", Assert.Throws<MessageFormatException>(() => (Sample with { Encoding = "mono16" }).ToCameraImage()).Message, StringComparison.Ordinal);
        Assert.Contains("needs 12 bytes", Assert.Throws<MessageFormatException>(() => (Sample with { Height = 2 }).ToCameraImage()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_truncated_payload()
    {
        Assert.Throws<MessageFormatException>(() => RawImageMessage.Decode(SampleBytes.AsMemory(0, 30)));
    }

    /// <summary>An independent wire parser: field number to the raw bytes of each length-delimited field.</summary>
    internal static Dictionary<int, byte[]> ReadWithGoogleProtobuf(byte[] bytes)
    {
        var fields = new Dictionary<int, byte[]>();
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                fields[WireFormat.GetTagFieldNumber(tag)] = input.ReadBytes().ToByteArray();
            }
            else
            {
                input.SkipLastField();
            }
        }

        return fields;
    }
}
