using Harness.Preprocessing;

namespace Harness.TestKit;

/// <summary>
/// Plain scalar preprocessing, one output value at a time, written from the definitions rather than the tables:
/// the oracle the SIMD path is tested against. The 8-bit resize recomputes both passes for every value from
/// <see cref="OpenCvLinearResize"/>'s per-element rules (taps, weights, the vertical pass's rounding, the area path), without its row cache or vector kernels.
/// </summary>
internal static class ReferencePreprocessor
{
    public static LetterboxTransform Preprocess(PreprocessOptions options, CameraImage image, Span<float> destination)
    {
        ImageChecks.Validate(image);
        var geometry = ResizeGeometry.For(options, image.Width, image.Height);
        if (options.Resize == ResizeMethod.EightBit)
        {
            var resized = ResizeEightBit(image, geometry.ResizedWidth, geometry.ResizedHeight);
            for (var plane = 0; plane < 3; plane++)
            {
                var colour = LetterboxPreprocessor.ColourOfPlane(options.ChannelOrder, plane);
                var channel = LetterboxPreprocessor.SourceChannel(image.Format, colour);
                for (var y = 0; y < options.Height; y++)
                {
                    for (var x = 0; x < options.Width; x++)
                    {
                        var rx = x - geometry.PadX;
                        var ry = y - geometry.PadY;
                        var inside = rx >= 0 && rx < geometry.ResizedWidth && ry >= 0 && ry < geometry.ResizedHeight;
                        var value = inside ? resized[(((ry * geometry.ResizedWidth) + rx) * 3) + channel] : options.PadValue;
                        destination[(((plane * options.Height) + y) * options.Width) + x] =
                            new PixelNormalisation(options.Scale, options.Mean.ForColour(colour), options.Std.ForColour(colour)).Normalise(value);
                    }
                }
            }

            return geometry.Transform(image.Width, image.Height, options);
        }

        var pixels = image.Pixels.Span;
        for (var plane = 0; plane < 3; plane++)
        {
            var colour = LetterboxPreprocessor.ColourOfPlane(options.ChannelOrder, plane);
            var channel = LetterboxPreprocessor.SourceChannel(image.Format, colour);
            var mean = options.Mean.ForColour(colour);
            var std = options.Std.ForColour(colour);
            for (var y = 0; y < options.Height; y++)
            {
                for (var x = 0; x < options.Width; x++)
                {
                    var rx = x - geometry.PadX;
                    var ry = y - geometry.PadY;
                    float value = options.PadValue;
                    if (rx >= 0 && rx < geometry.ResizedWidth && ry >= 0 && ry < geometry.ResizedHeight)
                    {
                        var (x0, x1, wx) = Tap(rx, image.Width, geometry.ResizedWidth);
                        var (y0, y1, wy) = Tap(ry, image.Height, geometry.ResizedHeight);
                        float p00 = pixels[(y0 * image.Stride) + (x0 * 3) + channel];
                        float p01 = pixels[(y1 * image.Stride) + (x0 * 3) + channel];
                        float p10 = pixels[(y0 * image.Stride) + (x1 * 3) + channel];
                        float p11 = pixels[(y1 * image.Stride) + (x1 * 3) + channel];
                        var left = p00 + ((p01 - p00) * wy);
                        var right = p10 + ((p11 - p10) * wy);
                        value = left + ((right - left) * wx);
                    }

                    destination[(((plane * options.Height) + y) * options.Width) + x] = ((value * options.Scale) - mean) / std;
                }
            }
        }

        return geometry.Transform(image.Width, image.Height, options);
    }

    /// <summary>OpenCV's <c>INTER_LINEAR</c> resize of the 8-bit image, interleaved as the source.</summary>
    public static byte[] ResizeEightBit(CameraImage image, int width, int height)
    {
        var pixels = image.Pixels.Span;
        var output = new byte[width * height * 3];
        var scaleX = 1.0 / ((double)width / image.Width);
        var scaleY = 1.0 / ((double)height / image.Height);
        var halving = Math.Abs(scaleX - 2) < 2.220446049250313e-16 && Math.Abs(scaleY - 2) < 2.220446049250313e-16;
        for (var y = 0; y < height; y++)
        {
            var (row, b0, b1) = OpenCvLinearResize.Tap(y, scaleY, image.Height, clampToEdge: false);
            var upper = Math.Clamp(row, 0, image.Height - 1);
            var lower = Math.Clamp(row + 1, 0, image.Height - 1);
            for (var x = 0; x < width; x++)
            {
                var (column, a0, a1) = OpenCvLinearResize.Tap(x, scaleX, image.Width, clampToEdge: true);
                var next = Math.Min(column + 1, image.Width - 1);
                for (var c = 0; c < 3; c++)
                {
                    int value;
                    if (halving)
                    {
                        value = (At(pixels, image.Stride, 2 * y, 2 * x, c) + At(pixels, image.Stride, 2 * y, (2 * x) + 1, c) +
                            At(pixels, image.Stride, (2 * y) + 1, 2 * x, c) + At(pixels, image.Stride, (2 * y) + 1, (2 * x) + 1, c) + 2) >> 2;
                    }
                    else
                    {
                        var top = (At(pixels, image.Stride, upper, column, c) * a0) + (At(pixels, image.Stride, upper, next, c) * a1);
                        var bottom = (At(pixels, image.Stride, lower, column, c) * a0) + (At(pixels, image.Stride, lower, next, c) * a1);
                        value = OpenCvLinearResize.Vertical(top, bottom, b0, b1);
                    }

                    output[(((y * width) + x) * 3) + c] = (byte)value;
                }
            }
        }

        return output;
    }

    private static int At(ReadOnlySpan<byte> pixels, int stride, int row, int column, int channel) => pixels[(row * stride) + (column * 3) + channel];

    private static (int First, int Second, float Weight) Tap(int target, int sourceLength, int targetLength)
    {
        var position = ((target + 0.5) * sourceLength / targetLength) - 0.5;
        if (position <= 0)
        {
            return (0, Math.Min(1, sourceLength - 1), 0f);
        }

        var first = (int)Math.Floor(position);
        if (first >= sourceLength - 1)
        {
            return (sourceLength - 1, sourceLength - 1, 0f);
        }

        return (first, first + 1, (float)(position - first));
    }
}
