using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Harness.Preprocessing;
using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace Harness.Benchmarks.Preprocessing;

/// <summary>
/// A 16:9 BGR frame to a 640x640 letterboxed RGB CHW float tensor scaled by 1/255. 1920 wide is an exact 3x
/// downscale (every sample on a pixel centre); 1280 wide is 2x, where every sample blends two pixels on each axis.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet releases the OpenCV images in GlobalCleanup.")]
public class LetterboxPreprocessBenchmarks
{
    private const int Size = 640;

    private readonly LetterboxPreprocessor preprocessor = new(new PreprocessOptions(Size, Size) { ChannelOrder = ChannelOrder.Rgb });
    private readonly float[] tensor = new float[3 * Size * Size];
    private CameraImage image = null!;
    private Mat frame = null!;
    private readonly Mat resized = new();
    private readonly Mat padded = new();

    [Params(1920, 1280)]
    public int SourceWidth { get; set; }

    private int SourceHeight => SourceWidth * 9 / 16;

    [GlobalSetup]
    public void Setup()
    {
        var pixels = new byte[SourceWidth * SourceHeight * 3];
        var random = new Random(7);
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)((i / 3 % SourceWidth / 8) + random.Next(64));
        }

        image = CameraImage.Packed(SourceWidth, SourceHeight, PixelFormat.Bgr8, pixels);
        frame = Mat.FromPixelData(SourceHeight, SourceWidth, MatType.CV_8UC3, pixels);
        CheckOpenCvAgrees();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        frame.Dispose();
        resized.Dispose();
        padded.Dispose();
    }

    [Benchmark(Baseline = true, Description = "OpenCV Resize + CopyMakeBorder + BlobFromImage")]
    public int OpenCv()
    {
        using var blob = OpenCvBlob();
        return blob.Cols;
    }

    [Benchmark(Description = "Harness SIMD letterbox")]
    public float Harness() => preprocessor.Preprocess(image, tensor).ScaleX;

    /// <summary>The letterbox the way the OpenCV YOLO samples do it: resize, pad with 114, swap to RGB, scale to floats.</summary>
    private Mat OpenCvBlob()
    {
        Cv2.Resize(frame, resized, new OpenCvSharp.Size(640, 360), 0, 0, InterpolationFlags.Linear);
        Cv2.CopyMakeBorder(resized, padded, 140, 140, 0, 0, BorderTypes.Constant, new Scalar(114, 114, 114));
        return CvDnn.BlobFromImage(padded, 1.0 / 255.0, new OpenCvSharp.Size(Size, Size), default, swapRB: true, crop: false);
    }

    /// <summary>
    /// Same geometry and sampling: OpenCV rounds the resized image to 8 bits with fixed-point weights, so values
    /// may differ by about one grey level, never more.
    /// </summary>
    private void CheckOpenCvAgrees()
    {
        var transform = preprocessor.Preprocess(image, tensor);
        using var blob = OpenCvBlob();
        var theirs = blob.Reshape(1, 1).AsSpan<float>();
        var worst = 0f;
        for (var i = 0; i < tensor.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(theirs[i] - tensor[i]));
        }

        if (theirs.Length != tensor.Length || worst > 1.01f / 255f || transform.PadY != 140f)
        {
            throw new InvalidOperationException($"Letterbox disagrees with OpenCV: largest difference {worst * 255f:F2} grey levels, pad {transform.PadY}.");
        }

        Console.WriteLine($"// Check: {SourceWidth}x{SourceHeight} letterbox within {worst * 255f:F2} grey levels of OpenCV {Cv2.GetVersionString()}.");
    }
}
