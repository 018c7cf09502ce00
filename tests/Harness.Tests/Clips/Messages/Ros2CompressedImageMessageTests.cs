using Harness.Clips.Images;
using Harness.Clips.Messages;

namespace Harness.Tests.Clips.Messages;

public sealed class Ros2CompressedImageMessageTests
{
    private static readonly CameraImage Image = CameraImage.Packed(2, 1, PixelFormat.Rgb8, new byte[] { 255, 0, 0, 0, 0, 255 });

    [Theory]
    [InlineData("png")]
    [InlineData("rgb8; png compressed rgb8")]
    [InlineData("bgr8; png compressed bgr8")]
    public void Decodes_png_under_plain_and_image_transport_format_names(string format)
    {
        var message = new Ros2CompressedImageMessage(new Ros2Header(3, 4, "cam"), format, ImageEncoder.EncodePng(Image));

        var decoded = Ros2CompressedImageMessage.Decode(message.Encode());

        Assert.Equal((message.Header, format), (decoded.Header, decoded.Format));
        var image = decoded.ToCameraImage();
        Assert.Equal(PixelFormat.Rgb8, image.Format);
        Assert.Equal(Image.Pixels.ToArray(), image.Pixels.ToArray());
    }

    [Fact]
    public void Depth_compression_is_named_as_unsupported()
    {
        var message = new Ros2CompressedImageMessage(new Ros2Header(0, 0, ""), "16UC1; compressedDepth png", new byte[] { 1 });

        var error = Assert.Throws<MessageFormatException>(() => Ros2CompressedImageMessage.Decode(message.Encode()).ToCameraImage());

        Assert.Equal("sensor_msgs/msg/CompressedImage: format '16UC1; compressedDepth png' is not supported (png or jpeg)", error.Message);
    }
}
