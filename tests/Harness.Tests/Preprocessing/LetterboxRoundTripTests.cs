using Harness.Preprocessing;

namespace Harness.Tests.Preprocessing;

/// <summary>
/// A box drawn into the image, found again in the model input and mapped back with the returned transform, lands
/// where it was drawn: the transform describes what the preprocessor really did, for every placement.
/// </summary>
public sealed class LetterboxRoundTripTests
{
    [Theory]
    [InlineData(true, LetterboxPlacement.Center, 200, 100)]
    [InlineData(true, LetterboxPlacement.Center, 100, 200)]
    [InlineData(true, LetterboxPlacement.Center, 30, 15)]
    [InlineData(true, LetterboxPlacement.TopLeft, 200, 100)]
    [InlineData(true, LetterboxPlacement.TopLeft, 100, 200)]
    [InlineData(true, LetterboxPlacement.TopLeft, 30, 15)]
    [InlineData(false, LetterboxPlacement.Center, 200, 100)]
    [InlineData(false, LetterboxPlacement.Center, 100, 200)]
    [InlineData(false, LetterboxPlacement.Center, 15, 30)]
    public void A_box_drawn_in_the_image_maps_back_to_where_it_was_drawn(bool letterbox, LetterboxPlacement placement, int width, int height)
    {
        // Given a white box on black, and padding as black as the background so only the box is bright.
        int left = width * 3 / 10, top = height * 3 / 10, right = width * 7 / 10, bottom = height * 7 / 10;
        var levels = new int[height, width];
        for (var y = top; y < bottom; y++)
        {
            for (var x = left; x < right; x++)
            {
                levels[y, x] = 255;
            }
        }

        var options = new PreprocessOptions(64, 48) { Letterbox = letterbox, Placement = placement, Scale = 1f, PadValue = 0 };
        var input = new float[options.TensorLength];

        var transform = new LetterboxPreprocessor(options).Preprocess(TestImages.Grey(levels), input);

        // The bright region's edges: the interpolated image crosses half intensity where the box edge lies, so each
        // edge is found within half a model pixel, i.e. half a model pixel over the scale in source pixels.
        var (modelLeft, modelTop, modelRight, modelBottom) = BrightRegion(input.AsSpan(0, 64 * 48), 64, 48);
        var toleranceX = (0.5f / transform.ScaleX) + 0.01f;
        var toleranceY = (0.5f / transform.ScaleY) + 0.01f;
        Assert.InRange(transform.ToSourceX(modelLeft), left - toleranceX, left + toleranceX);
        Assert.InRange(transform.ToSourceX(modelRight), right - toleranceX, right + toleranceX);
        Assert.InRange(transform.ToSourceY(modelTop), top - toleranceY, top + toleranceY);
        Assert.InRange(transform.ToSourceY(modelBottom), bottom - toleranceY, bottom + toleranceY);
    }

    [Fact]
    public void Placement_moves_the_box_in_the_model_input_by_the_padding()
    {
        // Given a 200x100 image into 64x48: ratio 0.32, resized 64x32, 16 rows of padding (8 above when centred).
        var levels = new int[100, 200];
        levels[50, 100] = 255;
        var image = TestImages.Grey(levels);
        var centred = new PreprocessOptions(64, 48) { Scale = 1f, PadValue = 0 };
        var cornered = centred with { Placement = LetterboxPlacement.TopLeft };

        var centredTransform = new LetterboxPreprocessor(centred).Preprocess(image, new float[centred.TensorLength]);
        var corneredTransform = new LetterboxPreprocessor(cornered).Preprocess(image, new float[cornered.TensorLength]);

        Assert.Equal(new LetterboxTransform(0.32f, 0.32f, 0f, 8f, 200, 100), centredTransform);
        Assert.Equal(new LetterboxTransform(0.32f, 0.32f, 0f, 0f, 200, 100), corneredTransform);
    }

    private static (int Left, int Top, int Right, int Bottom) BrightRegion(ReadOnlySpan<float> plane, int width, int height)
    {
        int left = width, top = height, right = 0, bottom = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (plane[(y * width) + x] > 127.5f)
                {
                    left = Math.Min(left, x);
                    right = Math.Max(right, x + 1);
                    top = Math.Min(top, y);
                    bottom = Math.Max(bottom, y + 1);
                }
            }
        }

        Assert.True(right > left && bottom > top, "the box is not in the model input");
        return (left, top, right, bottom);
    }
}
