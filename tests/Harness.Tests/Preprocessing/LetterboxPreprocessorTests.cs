using Harness.Preprocessing;
using Harness.TestKit;
using Harness.Tests.Testing;

namespace Harness.Tests.Preprocessing;

public class LetterboxPreprocessorTests
{
    private static readonly PreprocessOptions Raw4x4 = new(4, 4) { Letterbox = false, Scale = 1f, Resize = ResizeMethod.FloatingPoint };

    [Fact]
    public void Stretching_2x2_to_4x4_with_the_float_resize_interpolates_at_opencv_pixel_centres_without_rounding()
    {
        // Given a 2x2 grey image; column/row taps at (d + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25,
        // i.e. pixel 0, 0.25 of the way, 0.75 of the way, pixel 1.
        var image = TestImages.Grey(new[,] { { 0, 100 }, { 200, 40 } });
        float[] expectedPlane =
        [
            0f, 25f, 75f, 100f,
            50f, 58.75f, 76.25f, 85f,
            150f, 126.25f, 78.75f, 55f,
            200f, 160f, 80f, 40f,
        ];
        var output = new float[Raw4x4.TensorLength];

        var transform = new LetterboxPreprocessor(Raw4x4).Preprocess(image, output);
        var reference = new float[Raw4x4.TensorLength];
        ReferencePreprocessor.Preprocess(Raw4x4, image, reference);

        for (var plane = 0; plane < 3; plane++)
        {
            Assert.Equal(expectedPlane, output.AsSpan(plane * 16, 16).ToArray(), new ToleranceComparer(1e-4f));
            Assert.Equal(expectedPlane, reference.AsSpan(plane * 16, 16).ToArray(), new ToleranceComparer(1e-4f));
        }

        Assert.Equal(new LetterboxTransform(2f, 2f, 0f, 0f, 2, 2), transform);
    }

    [Fact]
    public void Letterbox_centres_the_image_and_gives_the_odd_padding_row_to_the_bottom()
    {
        // Given a 5x2 image into a 5x5 input: ratio 1, 3 rows of padding, 1 above and 2 below.
        var image = TestImages.Grey(new[,] { { 10, 10, 10, 10, 10 }, { 20, 20, 20, 20, 20 } });
        var options = new PreprocessOptions(5, 5) { Scale = 1f };
        var output = new float[options.TensorLength];

        var transform = new LetterboxPreprocessor(options).Preprocess(image, output);

        float[] expectedRows = [114f, 10f, 20f, 114f, 114f];
        for (var y = 0; y < 5; y++)
        {
            Assert.All(output.AsSpan(y * 5, 5).ToArray(), value => Assert.Equal(expectedRows[y], value));
        }

        Assert.Equal(new LetterboxTransform(1f, 1f, 0f, 1f, 5, 2), transform);
    }

    [Fact]
    public void Top_left_letterbox_puts_the_image_in_the_first_rows_and_all_padding_below()
    {
        // Given the same 5x2 image into a 5x5 input: ratio 1, all 3 rows of padding below.
        var image = TestImages.Grey(new[,] { { 10, 10, 10, 10, 10 }, { 20, 20, 20, 20, 20 } });
        var options = new PreprocessOptions(5, 5) { Scale = 1f, Placement = LetterboxPlacement.TopLeft };
        var output = new float[options.TensorLength];
        var reference = new float[options.TensorLength];

        var transform = new LetterboxPreprocessor(options).Preprocess(image, output);
        ReferencePreprocessor.Preprocess(options, image, reference);

        float[] expectedRows = [10f, 20f, 114f, 114f, 114f];
        for (var y = 0; y < 5; y++)
        {
            Assert.All(output.AsSpan(y * 5, 5).ToArray(), value => Assert.Equal(expectedRows[y], value));
            Assert.All(reference.AsSpan(y * 5, 5).ToArray(), value => Assert.Equal(expectedRows[y], value));
        }

        Assert.Equal(new LetterboxTransform(1f, 1f, 0f, 0f, 5, 2), transform);
    }

    [Fact]
    public void Top_left_letterbox_puts_a_tall_image_in_the_first_columns_and_maps_back()
    {
        // Given a 2x4 image into an 8x8 input: ratio 2, resized 4x8 in columns 0-3, columns 4-7 padding.
        var image = TestImages.Grey(new[,] { { 1, 2 }, { 3, 4 }, { 5, 6 }, { 7, 8 } });
        var options = new PreprocessOptions(8, 8) { Scale = 1f, PadValue = 0, Placement = LetterboxPlacement.TopLeft };
        var output = new float[options.TensorLength];

        var transform = new LetterboxPreprocessor(options).Preprocess(image, output);

        for (var y = 0; y < 8; y++)
        {
            var row = output.AsSpan(y * 8, 8);
            Assert.All(row[..4].ToArray(), value => Assert.True(value >= 1f));
            Assert.Equal([0f, 0f, 0f, 0f], row[4..].ToArray());
        }

        Assert.Equal(new LetterboxTransform(2f, 2f, 0f, 0f, 2, 4), transform);
        Assert.Equal(1f, transform.ToSourceX(2f));
        Assert.Equal(2f, transform.ToSourceX(5f));
        Assert.Equal(3f, transform.ToSourceY(6f));
    }

    [Fact]
    public void Placement_does_not_matter_without_letterbox()
    {
        var image = TestImages.Random(new Random(5), 9, 4, 0, PixelFormat.Rgb8);
        var centred = new PreprocessOptions(6, 6) { Letterbox = false };
        var cornered = centred with { Placement = LetterboxPlacement.TopLeft };
        var first = new float[centred.TensorLength];
        var second = new float[cornered.TensorLength];

        var firstTransform = new LetterboxPreprocessor(centred).Preprocess(image, first);
        var secondTransform = new LetterboxPreprocessor(cornered).Preprocess(image, second);

        Assert.Equal(first, second);
        Assert.Equal(firstTransform, secondTransform);
    }

    [Fact]
    public void Letterbox_pads_left_and_right_for_a_tall_image_and_maps_back()
    {
        // Given a 2x4 image into an 8x8 input: ratio 2, resized 4x8, 2 columns of padding each side.
        var image = TestImages.Grey(new[,] { { 1, 2 }, { 3, 4 }, { 5, 6 }, { 7, 8 } });
        var options = new PreprocessOptions(8, 8) { Scale = 1f, PadValue = 0 };
        var output = new float[options.TensorLength];

        var transform = new LetterboxPreprocessor(options).Preprocess(image, output);

        for (var y = 0; y < 8; y++)
        {
            var row = output.AsSpan(y * 8, 8);
            Assert.Equal([0f, 0f], row[..2].ToArray());
            Assert.Equal([0f, 0f], row[6..].ToArray());
            Assert.All(row[2..6].ToArray(), value => Assert.True(value >= 1f));
        }

        Assert.Equal(new LetterboxTransform(2f, 2f, 2f, 0f, 2, 4), transform);
        Assert.Equal(1f, transform.ToSourceX(4f));
        Assert.Equal(0f, transform.ToSourceX(1f));
        Assert.Equal(2f, transform.ToSourceX(7.5f));
        Assert.Equal(3f, transform.ToSourceY(6f));
    }

    [Theory]
    [InlineData(PixelFormat.Bgr8, ChannelOrder.Rgb, new[] { 30f, 20f, 10f })]
    [InlineData(PixelFormat.Bgr8, ChannelOrder.Bgr, new[] { 10f, 20f, 30f })]
    [InlineData(PixelFormat.Rgb8, ChannelOrder.Rgb, new[] { 10f, 20f, 30f })]
    [InlineData(PixelFormat.Rgb8, ChannelOrder.Bgr, new[] { 30f, 20f, 10f })]
    public void Planes_follow_the_requested_channel_order(PixelFormat format, ChannelOrder order, float[] expectedPlanes)
    {
        var image = CameraImage.Packed(1, 1, format, new byte[] { 10, 20, 30 });
        var options = new PreprocessOptions(2, 2) { Scale = 1f, ChannelOrder = order };
        var output = new float[options.TensorLength];

        new LetterboxPreprocessor(options).Preprocess(image, output);

        for (var plane = 0; plane < 3; plane++)
        {
            Assert.All(output.AsSpan(plane * 4, 4).ToArray(), value => Assert.Equal(expectedPlanes[plane], value));
        }
    }

    [Fact]
    public void Normalises_with_scale_mean_and_std_per_colour()
    {
        var image = CameraImage.Packed(1, 1, PixelFormat.Rgb8, new byte[] { 255, 0, 51 });
        var options = new PreprocessOptions(1, 1)
        {
            Mean = new ChannelValues(0.5f, 0.25f, 0.2f),
            Std = new ChannelValues(0.5f, 0.25f, 0.1f),
        };
        var output = new float[3];

        new LetterboxPreprocessor(options).Preprocess(image, output);

        Assert.Equal([1f, -1f, 0f], output, new ToleranceComparer(1e-6f));
    }

    [Theory]
    [InlineData(true, LetterboxPlacement.Center)]
    [InlineData(true, LetterboxPlacement.TopLeft)]
    [InlineData(false, LetterboxPlacement.Center)]
    public void Second_frame_of_the_same_size_allocates_nothing(bool letterbox, LetterboxPlacement placement)
    {
        var random = new Random(3);
        var image = TestImages.Random(random, 97, 61, 5, PixelFormat.Bgr8);
        var preprocessor = new LetterboxPreprocessor(new PreprocessOptions(64, 64) { Letterbox = letterbox, Placement = placement });
        var output = new float[preprocessor.Options.TensorLength];
        preprocessor.Preprocess(image, output);

        var allocated = SteadyAllocation.Of(() => preprocessor.Preprocess(image, output));

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Rejects_a_destination_of_the_wrong_length()
    {
        var image = CameraImage.Packed(1, 1, PixelFormat.Rgb8, new byte[3]);
        var preprocessor = new LetterboxPreprocessor(new PreprocessOptions(4, 4));

        var error = Assert.Throws<ArgumentException>(() => preprocessor.Preprocess(image, new float[47]));

        Assert.Contains("needs 48", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_pixels_shorter_than_stride_times_height()
    {
        var image = new CameraImage(4, 3, 16, PixelFormat.Rgb8, new byte[40]);
        var preprocessor = new LetterboxPreprocessor(new PreprocessOptions(4, 4));

        var error = Assert.Throws<ArgumentException>(() => preprocessor.Preprocess(image, new float[48]));

        Assert.Contains("needs 44 bytes, got 40", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_zero_std()
    {
        var options = new PreprocessOptions(4, 4) { Std = new ChannelValues(1f, 0f, 1f) };

        var error = Assert.Throws<ArgumentException>(() => new LetterboxPreprocessor(options));

        Assert.Contains("channel G", error.Message, StringComparison.Ordinal);
    }
}
