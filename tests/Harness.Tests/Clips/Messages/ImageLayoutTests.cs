using Harness.Clips.Messages;

namespace Harness.Tests.Clips.Messages;

public sealed class ImageLayoutTests
{
    [Fact]
    public void Rgba8_drops_alpha_and_skips_row_padding()
    {
        // 2x2, step 10: two RGBA pixels and two padding bytes a row.
        byte[] data = [1, 2, 3, 99, 4, 5, 6, 99, 0, 0, 7, 8, 9, 99, 10, 11, 12, 99, 0, 0];

        var image = ImageLayout.ToCameraImage("test", 2, 2, "rgba8", 10, data);

        Assert.Equal((PixelFormat.Rgb8, 6), (image.Format, image.Stride));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, image.Pixels.ToArray());
    }

    [Fact]
    public void Bgra8_keeps_blue_first_as_bgr8()
    {
        var image = ImageLayout.ToCameraImage("test", 1, 1, "bgra8", 4, new byte[] { 30, 20, 10, 255 });

        Assert.Equal(PixelFormat.Bgr8, image.Format);
        Assert.Equal(new byte[] { 30, 20, 10 }, image.Pixels.ToArray());
    }

    [Fact]
    public void Mono8_repeats_grey_in_each_channel()
    {
        var image = ImageLayout.ToCameraImage("test", 3, 1, "mono8", 3, new byte[] { 0, 128, 255 });

        Assert.Equal(new byte[] { 0, 0, 0, 128, 128, 128, 255, 255, 255 }, image.Pixels.ToArray());
    }

    [Fact]
    public void Rgb8_is_used_in_place()
    {
        var data = new byte[] { 1, 2, 3, 4, 5, 6, 7 };

        var image = ImageLayout.ToCameraImage("test", 2, 1, "rgb8", 6, data);

        Assert.Equal(6, image.Pixels.Length);
        Assert.True(image.Pixels.Span.Overlaps(data));
    }

    [Theory]
    [InlineData("rgba8", 7, 8)]
    [InlineData("rgba8", 8, 7)]
    [InlineData("mono8", 1, 1)]
    public void Step_or_data_one_byte_short_of_the_size_is_an_error(string encoding, int step, int length)
    {
        var error = Assert.Throws<MessageFormatException>(() => ImageLayout.ToCameraImage("test", 2, 1, encoding, step, new byte[length]));

        Assert.StartsWith($"test: 2x1 {encoding} with step {step}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_enough_data_is_accepted()
    {
        var image = ImageLayout.ToCameraImage("test", 2, 1, "rgba8", 8, new byte[8]);

        Assert.Equal(2, image.Width);
    }

    [Fact]
    public void Unsupported_encoding_names_itself_and_the_supported_list()
    {
        var error = Assert.Throws<MessageFormatException>(() => ImageLayout.ToCameraImage("sensor_msgs/msg/Image", 1, 1, "yuv422", 2, new byte[2]));

        Assert.Equal("sensor_msgs/msg/Image: image encoding 'yuv422' is not supported (rgb8, bgr8, rgba8, bgra8, mono8)", error.Message);
    }
}
