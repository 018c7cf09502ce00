using Harness.Preprocessing;
using Harness.Simd;
using Harness.TestKit;

namespace Harness.Tests.Preprocessing;

/// <summary>
/// The SIMD letterbox at every vector width this machine runs (scalar, 128, 256, 512 bits, forced in-process) against
/// the scalar reference preprocessor; the widths must also agree with each other bit for bit. The build's Test target
/// runs this class again with AVX-512 and with AVX2 switched off, so the hardware-detected widths run too.
/// </summary>
[Trait("Category", "simd")]
public class SimdAgreementTests
{
    public static TheoryData<int, int, int, int, bool> Sizes()
    {
        var data = new TheoryData<int, int, int, int, bool>();
        int[][] sources = [[1, 1], [48, 27], [99, 99], [2, 3], [3, 2], [7, 5], [17, 33], [31, 9], [64, 48], [129, 67], [200, 3], [5, 211]];
        int[][] targets = [[1, 1], [16, 16], [33, 33], [8, 8], [13, 9], [40, 24], [33, 65], [96, 96]];
        foreach (var source in sources)
        {
            foreach (var target in targets)
            {
                data.Add(source[0], source[1], target[0], target[1], (source[0] + target[1]) % 2 == 0);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Simd_path_matches_scalar_reference(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight, bool letterbox)
    {
        var random = new Random(HashCode.Combine(sourceWidth, sourceHeight, targetWidth, targetHeight));
        var format = random.Next(2) == 0 ? PixelFormat.Rgb8 : PixelFormat.Bgr8;
        var image = TestImages.Random(random, sourceWidth, sourceHeight, random.Next(4), format);
        var options = new PreprocessOptions(targetWidth, targetHeight)
        {
            Letterbox = letterbox,
            PadValue = (byte)random.Next(256),
            Mean = new ChannelValues(0.485f, 0.456f, 0.406f),
            Std = new ChannelValues(0.229f, 0.224f, 0.225f),
            ChannelOrder = random.Next(2) == 0 ? ChannelOrder.Rgb : ChannelOrder.Bgr,
        };
        AssertEveryWidthMatchesTheReference(options, image);
    }

    /// <summary>
    /// Every setting against every other: channel order x letterbox on/off x placement x normalisation (Ultralytics
    /// 1/255, ImageNet mean/std, YOLOX raw 0-255) x pixel format, on odd sizes with images wider and taller than the
    /// input, both larger (downscale) and smaller (upscale) than it.
    /// </summary>
    public static TheoryData<ChannelOrder, bool, LetterboxPlacement, string, PixelFormat, int, int, int, int> Combinations()
    {
        var data = new TheoryData<ChannelOrder, bool, LetterboxPlacement, string, PixelFormat, int, int, int, int>();
        int[][] sources = [[97, 41], [41, 97], [13, 7], [7, 13]];
        int[][] targets = [[33, 21], [21, 33], [17, 17]];
        foreach (var order in Enum.GetValues<ChannelOrder>())
        {
            foreach (var letterbox in new[] { true, false })
            {
                foreach (var placement in Enum.GetValues<LetterboxPlacement>())
                {
                    foreach (var normalisation in new[] { "ultralytics", "imagenet", "raw" })
                    {
                        foreach (var format in new[] { PixelFormat.Rgb8, PixelFormat.Bgr8 })
                        {
                            foreach (var source in sources)
                            {
                                foreach (var target in targets)
                                {
                                    data.Add(order, letterbox, placement, normalisation, format, source[0], source[1], target[0], target[1]);
                                }
                            }
                        }
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Simd_path_matches_scalar_reference_for_every_combination_of_settings(
        ChannelOrder order,
        bool letterbox,
        LetterboxPlacement placement,
        string normalisation,
        PixelFormat format,
        int sourceWidth,
        int sourceHeight,
        int targetWidth,
        int targetHeight)
    {
        var random = new Random(HashCode.Combine(sourceWidth, sourceHeight, targetWidth, targetHeight, normalisation.Length));
        var image = TestImages.Random(random, sourceWidth, sourceHeight, random.Next(4), format);
        var options = new PreprocessOptions(targetWidth, targetHeight)
        {
            Letterbox = letterbox,
            Placement = placement,
            PadValue = (byte)random.Next(256),
            ChannelOrder = order,
        };
        options = normalisation switch
        {
            "imagenet" => options with { Mean = new ChannelValues(0.485f, 0.456f, 0.406f), Std = new ChannelValues(0.229f, 0.224f, 0.225f) },
            "raw" => options with { Scale = 1f },
            _ => options,
        };
        AssertEveryWidthMatchesTheReference(options, image);
    }

    private static void AssertEveryWidthMatchesTheReference(PreprocessOptions options, CameraImage image)
    {
        var scalar = new float[options.TensorLength];
        var scalarTransform = ReferencePreprocessor.Preprocess(options, image, scalar);
        float[]? first = null;
        foreach (var width in VectorWidth.Supported)
        {
            var simd = new float[options.TensorLength];
            LetterboxTransform simdTransform;
            using (VectorWidth.Force(width))
            {
                simdTransform = new LetterboxPreprocessor(options).Preprocess(image, simd);
            }

            Assert.Equal(scalarTransform, simdTransform);
            Assert.Equal(scalar, simd, new ToleranceComparer(1e-5f));
            first ??= simd;
            Assert.True(first.AsSpan().SequenceEqual(simd), $"{width}-bit output differs from the {VectorWidth.Supported[0]}-bit output");
        }
    }
}
