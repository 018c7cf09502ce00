using BenchmarkDotNet.Attributes;
using Harness.Metrics;

namespace Harness.Benchmarks.Metrics;

/// <summary>
/// The per-frame cost of the metric stage: 1,000 frames of 10 truths and 100 detections fed to a fresh
/// <see cref="MetricsAccumulator"/> (operating-point matching, slices, COCO collection), then Complete().
/// </summary>
[MemoryDiagnoser]
public class MetricsAccumulatorBenchmarks
{
    private const int Frames = 1000;
    private readonly List<(TruthBox[] Truth, Detection[] Detections)> _frames = [];
    private readonly MetricsOptions _options = new(["car", "pedestrian", "cyclist"]);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        for (var f = 0; f < Frames; f++)
        {
            var truth = new TruthBox[10];
            for (var t = 0; t < truth.Length; t++)
            {
                truth[t] = new TruthBox(random.Next(3), random.Next(1200), random.Next(600), 10 + random.Next(150), 10 + random.Next(150),
                    Occlusion: (float)random.NextDouble(), RangeMeters: random.Next(80));
            }

            var detections = new Detection[100];
            for (var d = 0; d < detections.Length; d++)
            {
                var x = d < 20 ? truth[d % 10].X + random.Next(-5, 6) : random.Next(1200);
                var y = d < 20 ? truth[d % 10].Y + random.Next(-5, 6) : random.Next(600);
                var w = d < 20 ? truth[d % 10].Width : 10 + random.Next(150);
                var h = d < 20 ? truth[d % 10].Height : 10 + random.Next(150);
                detections[d] = new Detection(x, y, x + w, y + h, (float)random.NextDouble(), d < 20 ? truth[d % 10].ClassId : random.Next(3));
            }

            _frames.Add((truth, detections));
        }
    }

    [Benchmark(Description = "Add 1,000 frames (10 truths, 100 dets)")]
    public int AddFrames()
    {
        var metrics = new MetricsAccumulator(_options);
        foreach (var (truth, detections) in _frames)
        {
            metrics.Add(truth, detections);
        }

        return metrics.GetHashCode();
    }

    [Benchmark(Description = "Add 1,000 frames + Complete()")]
    public int AddFramesAndComplete()
    {
        var metrics = new MetricsAccumulator(_options);
        foreach (var (truth, detections) in _frames)
        {
            metrics.Add(truth, detections);
        }

        return metrics.Complete("bench", "clip", "model", "digest").Metrics.Count;
    }
}
