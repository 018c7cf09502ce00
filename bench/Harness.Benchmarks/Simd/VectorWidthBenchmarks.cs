using BenchmarkDotNet.Attributes;
using Harness.Postprocessing;
using Harness.Postprocessing.Layouts;
using Harness.Preprocessing;
using Harness.Simd;
using Harness.TestKit;

namespace Harness.Benchmarks.Simd;

/// <summary>
/// The hand-written kernels at each vector width this machine runs, forced in-process (the way the agreement tests
/// force them), so the 128-bit path that ARM64 and SSE-only x64 take is measured beside the 256- and 512-bit ones on
/// the same machine in the same run. Workloads are those of <c>LetterboxPreprocessBenchmarks</c> (1920x1080 and
/// 1280x720 BGR to a 640x640 RGB CHW tensor) and <c>Yolov8PostprocessBenchmarks</c> (decode + NMS of [1, 84, 8400]).
/// </summary>
[MemoryDiagnoser]
public class VectorWidthBenchmarks
{
    private const int Size = 640;
    private const int Anchors = 8400;
    private const int Rows = 84;

    private static readonly LetterboxTransform Transform = new(1f / 3f, 1f / 3f, 0f, 140f, 1920, 1080);

    // One preprocessor per source size, so neither rebuilds its sample tables when the other runs.
    private readonly LetterboxPreprocessor preprocessor1920 = new(new PreprocessOptions(Size, Size) { ChannelOrder = ChannelOrder.Rgb });
    private readonly LetterboxPreprocessor preprocessor1280 = new(new PreprocessOptions(Size, Size) { ChannelOrder = ChannelOrder.Rgb });
    private readonly float[] tensor = new float[3 * Size * Size];
    private readonly long[] shape = [1, Rows, Anchors];
    private readonly List<Detection> detections = new(300);
    private CameraImage frame1920 = null!;
    private CameraImage frame1280 = null!;
    private float[] output = [];
    private IPostprocessor postprocessor = null!;

    /// <summary>Vector widths in bits; only those the hardware accelerates (forcing a wider one would be emulated).</summary>
    [ParamsSource(nameof(Widths))]
    public int Width { get; set; }

    public static IEnumerable<int> Widths => VectorWidth.Supported.Where(bits => bits > 0);

    [GlobalSetup]
    public void Setup()
    {
        frame1920 = Frame(1920);
        frame1280 = Frame(1280);
        output = SyntheticYolov8Output.Create(Anchors, Rows - 4, objects: 40, anchorsPerObject: 10, inputSize: 640, seed: 42);
        postprocessor = Postprocessor.Create(OutputLayouts.Get("yolov8").Configure(Size, Size, Rows - 4), new PostprocessOptions());

        // The first call of each builds its sample tables and buffers; measured calls then allocate nothing.
        preprocessor1920.Preprocess(frame1920, tensor);
        preprocessor1280.Preprocess(frame1280, tensor);
        postprocessor.Process(new ModelOutputs(new OutputTensor(output, shape)), Transform, detections);
    }

    [Benchmark(Description = "letterbox 1920x1080 -> 640x640")]
    public float Letterbox1920()
    {
        using var width = VectorWidth.Force(Width);
        return preprocessor1920.Preprocess(frame1920, tensor).ScaleX;
    }

    [Benchmark(Description = "letterbox 1280x720 -> 640x640")]
    public float Letterbox1280()
    {
        using var width = VectorWidth.Force(Width);
        return preprocessor1280.Preprocess(frame1280, tensor).ScaleX;
    }

    [Benchmark(Description = "yolov8 decode + NMS [1, 84, 8400]")]
    public int Yolov8Postprocess()
    {
        using var width = VectorWidth.Force(Width);
        postprocessor.Process(new ModelOutputs(new OutputTensor(output, shape)), Transform, detections);
        return detections.Count;
    }

    /// <summary>The same noisy 16:9 frame as <c>LetterboxPreprocessBenchmarks</c>.</summary>
    private static CameraImage Frame(int width)
    {
        var height = width * 9 / 16;
        var pixels = new byte[width * height * 3];
        var random = new Random(7);
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)((i / 3 % width / 8) + random.Next(64));
        }

        return CameraImage.Packed(width, height, PixelFormat.Bgr8, pixels);
    }
}
