using Harness.Clips;
using Harness.Clips.Images;
using Harness.Tests.Hostile;

namespace Harness.Tests.Clips.Images;

public sealed class ImageDecoderTests
{
    [Fact]
    public void Decodes_a_png_to_the_pixels_it_was_encoded_from()
    {
        var pixels = Enumerable.Range(0, 3 * 2 * 3).Select(i => (byte)(i * 13)).ToArray();

        var image = ImageDecoder.DecodeRgb(ImageEncoder.EncodePng(CameraImage.Packed(3, 2, PixelFormat.Rgb8, pixels)), "small.png");

        Assert.Equal((3, 2, PixelFormat.Rgb8), (image.Width, image.Height, image.Format));
        Assert.Equal(pixels, image.Pixels.ToArray());
    }

    [Fact]
    public void A_truncated_png_is_an_error_not_a_frame_with_a_blank_lower_part()
    {
        var png = HostileImages.Png(64, 64);

        var error = Assert.Throws<ClipFormatException>(() => ImageDecoder.DecodeRgb(png.AsSpan(0, png.Length - 200), "cut.png"));

        Assert.Equal("cut.png: image decoding failed (IncompleteInput: the image data is truncated)", error.Message);
    }

    [Theory]
    [InlineData(8192, 8193)]
    [InlineData(8193, 8192)]
    [InlineData(100_000, 100_000)]
    public void A_header_claiming_more_than_64_megapixels_is_refused_before_a_pixel_buffer_exists(int width, int height)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<ClipFormatException>(() => ImageDecoder.DecodeRgb(HostileImages.PngClaiming(width, height), "bomb.png"));

        Assert.Equal($"bomb.png: the image header declares {width}x{height} pixels (at most 67108864 are decoded)", error.Message);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1 << 20);
    }
}
