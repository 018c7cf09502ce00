using BenchmarkDotNet.Attributes;
using Harness.Metrics.Coco;

namespace Harness.Benchmarks.Metrics;

/// <summary>
/// Full COCO bbox evaluation of 5,000 images x 100 detections (3 classes, 10 truths per image), with two anchors
/// measured in the same run: computing only the IoU matrices the evaluation needs, with the vector kernel and with
/// the scalar reference.
/// </summary>
[MemoryDiagnoser]
public class CocoEvaluatorBenchmarks
{
    private CocoGroundTruth _truth = null!;
    private CocoDetection[] _detections = null!;
    private IouWorkload _ious = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_truth, _detections) = CocoSyntheticData.Create(images: 5000, truthsPerImage: 10, detectionsPerImage: 100, seed: 42);
        _ious = IouWorkload.Create(_truth, _detections);
    }

    [Benchmark(Description = "COCOeval 5k images x 100 dets")]
    public double Evaluate() => CocoEvaluator.Evaluate(_truth, _detections).Stats.AP;

    [Benchmark(Baseline = true, Description = "anchor: all IoUs, vector kernel")]
    public double IousVector() => _ious.Run(vector: true);

    [Benchmark(Description = "anchor: all IoUs, scalar kernel")]
    public double IousScalar() => _ious.Run(vector: false);
}
