using System.Runtime.InteropServices;
using Harness.Preprocessing;
using Harness.Simd;
using Harness.TestKit;
using OpenCvSharp;

namespace Harness.Tests.Preprocessing;

/// <summary>
/// The 8-bit resize against OpenCV itself (OpenCvSharp's official build of OpenCV 4.13, the library behind
/// <c>cv2.resize</c>): random images down- and up-scaled, odd sizes, the camera sizes people feed 640 x 640 models,
/// the exact 2x downscale that OpenCV sends to its area path, and the 2x upscale. Every 8-bit value must be equal, for
/// the scalar reference and for the production rows at every vector width; then the whole tensor must be what an
/// OpenCV + numpy pipeline (resize, <c>copyMakeBorder</c> with 114, <c>x / 255</c> in float32) feeds the model.
/// </summary>
[Trait("Category", "simd")]
public sealed class OpenCvParityTests
{
    public static TheoryData<int, int, int, int> Sizes() => new()
    {
        { 1242, 375, 640, 193 },
        { 1280, 720, 640, 360 },
        { 1920, 1080, 640, 360 },
        { 1280, 720, 1000, 563 },
        { 640, 480, 640, 480 },
        { 320, 240, 640, 480 },
        { 333, 217, 640, 417 },
        { 100, 77, 640, 493 },
        { 1241, 377, 640, 194 },
        { 17, 13, 40, 31 },
        { 8, 8, 3, 3 },
        { 3, 2, 7, 5 },
        { 1000, 1000, 640, 640 },
        { 1, 1, 5, 4 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Eight_bit_resize_equals_cv2_resize_inter_linear_value_for_value(int sourceWidth, int sourceHeight, int width, int height)
    {
        var image = TestImages.Random(new Random(sourceWidth * 31 + height), sourceWidth, sourceHeight, rowPadding: 5, PixelFormat.Bgr8);
        var expected = OpenCvResize(image, width, height);

        Assert.Equal(expected, ReferencePreprocessor.ResizeEightBit(image, width, height));
        foreach (var bits in VectorWidth.Supported)
        {
            using var forced = VectorWidth.Force(bits);
            Assert.Equal(expected, ProductionRows(image, width, height));
        }
    }

    [Theory]
    [InlineData(1242, 375)]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    [InlineData(500, 700)]
    public void The_tensor_is_what_opencv_and_numpy_feed_an_ultralytics_model(int sourceWidth, int sourceHeight)
    {
        var image = TestImages.Random(new Random(sourceHeight), sourceWidth, sourceHeight, rowPadding: 0, PixelFormat.Bgr8);
        var options = new PreprocessOptions(640, 640) { ChannelOrder = ChannelOrder.Rgb };
        var actual = new float[options.TensorLength];

        var transform = new LetterboxPreprocessor(options).Preprocess(image, actual);

        // Ultralytics LetterBox: r = min(640 / h, 640 / w), new_unpad = round(w * r), round(h * r), the padding split
        // round(d - 0.1) before and round(d + 0.1) after, then BGR to RGB, HWC to CHW and im / 255 in float32.
        var r = Math.Min(640.0 / sourceHeight, 640.0 / sourceWidth);
        var (w, h) = ((int)Math.Round(sourceWidth * r, MidpointRounding.ToEven), (int)Math.Round(sourceHeight * r, MidpointRounding.ToEven));
        var (dw, dh) = ((640 - w) / 2.0, (640 - h) / 2.0);
        var (top, left) = ((int)Math.Round(dh - 0.1, MidpointRounding.ToEven), (int)Math.Round(dw - 0.1, MidpointRounding.ToEven));
        using var source = ToMat(image);
        using var resized = new Mat();
        Cv2.Resize(source, resized, new Size(w, h), 0, 0, InterpolationFlags.Linear);
        using var padded = new Mat();
        Cv2.CopyMakeBorder(resized, padded, top, 640 - h - top, left, 640 - w - left, BorderTypes.Constant, new Scalar(114, 114, 114));
        var bytes = Bytes(padded, 640 * 640 * 3);
        var expected = new float[options.TensorLength];
        for (var i = 0; i < 640 * 640; i++)
        {
            for (var plane = 0; plane < 3; plane++)
            {
                expected[(plane * 640 * 640) + i] = bytes[(i * 3) + 2 - plane] / 255f;
            }
        }

        Assert.Equal(expected, actual);
        Assert.Equal((float)r, transform.ScaleX);
        Assert.Equal((float)r, transform.ScaleY);
    }

    private static byte[] ProductionRows(CameraImage image, int width, int height)
    {
        var resize = new OpenCvLinearResize(image.Width, image.Height, width, height);
        var row = new int[width * 3];
        var output = new byte[width * height * 3];
        resize.BeginImage();
        for (var y = 0; y < height; y++)
        {
            resize.Row(image.Pixels.Span, image.Stride, y, row);
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    output[(((y * width) + x) * 3) + c] = (byte)row[(c * width) + x];
                }
            }
        }

        return output;
    }

    private static byte[] OpenCvResize(CameraImage image, int width, int height)
    {
        using var source = ToMat(image);
        using var resized = new Mat();
        Cv2.Resize(source, resized, new Size(width, height), 0, 0, InterpolationFlags.Linear);
        return Bytes(resized, width * height * 3);
    }

    private static Mat ToMat(CameraImage image) => Mat.FromPixelData(image.Height, image.Width, MatType.CV_8UC3, image.Pixels.ToArray(), image.Stride);

    private static byte[] Bytes(Mat mat, int length)
    {
        Assert.True(mat.IsContinuous());
        var bytes = new byte[length];
        Marshal.Copy(mat.Data, bytes, 0, length);
        return bytes;
    }
}
