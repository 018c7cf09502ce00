using BenchmarkDotNet.Attributes;
using Harness.Clips.Synthetic;
using Harness.Inference;
using Harness.Models;
using Harness.Postprocessing.Layouts;

namespace Harness.Benchmarks.Inference;

/// <summary>Single-frame inference of the reference detector through <see cref="OnnxDetector"/> (bound buffers).</summary>
[MemoryDiagnoser]
public class ReferenceDetectorBenchmarks : IDisposable
{
    private OnnxDetector? _detector;

    [Params(1, 2)]
    public int IntraOpThreads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var contract = OutputLayouts.Get("yolov8").Configure(ReferenceModels.InputWidth, ReferenceModels.InputHeight, 3).Contract;
        _detector = OnnxDetector.Load(ReferenceModels.Build("detector-v1"), "reference://detector-v1", contract, new OnnxDetectorOptions(IntraOpThreads));
        var frame = SyntheticScene.Render(new SyntheticSceneOptions("urban-day", 7, 1)).Single();
        var pixels = frame.Image.Pixels.Span;
        var input = _detector.InputBuffer;
        var plane = input.Length / 3;
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                input[(c * plane) + i] = pixels[(i * 3) + c] / 255f;
            }
        }
    }

    [Benchmark]
    public void RunOneFrame() => _detector!.Run();

    [GlobalCleanup]
    public void Dispose()
    {
        _detector?.Dispose();
        GC.SuppressFinalize(this);
    }
}
