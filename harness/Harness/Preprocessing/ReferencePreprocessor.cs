namespace Harness.Preprocessing;

/// <summary>
/// Plain scalar preprocessing, one output value at a time, written from the definitions rather than the tables:
/// the oracle the SIMD path is tested against.
/// </summary>
internal static class ReferencePreprocessor
{
    public static LetterboxTransform Preprocess(PreprocessOptions options, CameraImage image, Span<float> destination)
    {
        ImageChecks.Validate(image);
        var geometry = ResizeGeometry.For(options, image.Width, image.Height);
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

        return geometry.Transform(image.Width, image.Height);
    }

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
