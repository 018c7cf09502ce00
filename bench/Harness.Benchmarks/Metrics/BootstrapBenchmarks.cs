using BenchmarkDotNet.Attributes;
using Harness.Metrics.Bootstrap;
using Harness.Metrics.Coco;

namespace Harness.Benchmarks.Metrics;

/// <summary>
/// The paired bootstrap on a 600-frame clip with 100 detections per frame (the COCO synthetic workload as frames,
/// 10 Hz): 1,000 resamples of one run, and of a baseline and a current run together, next to the anchor of ONE full
/// COCO evaluation of the same frames measured in the same run; then the same clip with object tracks (each of an
/// image's truth boxes continues as one track for 30 frames, so 200 tracks), resampled as the gate does by default
/// (tracks crossed with frames), at 1,000 resamples and at the gate's 4,000.
/// </summary>
[MemoryDiagnoser]
public class BootstrapBenchmarks
{
    private const int Frames = 600;
    private static readonly string[] Classes = ["car", "pedestrian", "cyclist"];

    private const int TrackFrames = 30;

    private readonly BootstrapOptions _options = new(Resamples: 1000, BlockSeconds: 1.0, Units: ResamplingUnit.Frames);
    private readonly BootstrapOptions _crossed = new(Resamples: 1000, Units: ResamplingUnit.TracksAndFrames);
    private TruthBox[][] _truth = null!;
    private TruthBox[][] _tracked = null!;
    private long[] _timestamps = null!;
    private Detection[][] _baseline = null!;
    private Detection[][] _current = null!;
    private CocoGroundTruth _cocoTruth = null!;
    private CocoDetection[] _cocoDetections = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (truth, detections) = CocoSyntheticData.Create(images: Frames, truthsPerImage: 10, detectionsPerImage: 100, seed: 42);
        _truth = new TruthBox[Frames][];
        _baseline = new Detection[Frames][];
        _current = new Detection[Frames][];
        _timestamps = new long[Frames];
        var random = new Random(7);
        for (var i = 0; i < Frames; i++)
        {
            var image = i + 1;
            _truth[i] = [.. truth.Annotations.Where(a => a.ImageId == image)
                .Select(a => new TruthBox(a.CategoryId - 1, (float)a.X, (float)a.Y, (float)a.Width, (float)a.Height, Ignore: a.IsCrowd))];
            _baseline[i] = [.. detections.Where(d => d.ImageId == image)
                .Select(d => new Detection((float)d.X, (float)d.Y, (float)(d.X + d.Width), (float)(d.Y + d.Height), (float)d.Score, d.CategoryId - 1))];
            _current[i] = [.. _baseline[i].Select(d => d with { Score = Math.Clamp(d.Score + ((random.NextSingle() - 0.5f) * 0.2f), 0f, 1f) })];
            _timestamps[i] = i * 100_000_000L;
        }

        _tracked = [.. _truth.Select((boxes, i) => boxes.Select((b, t) => b with { TrackId = (i / TrackFrames * 100) + t }).ToArray())];

        // The anchor evaluates the frames as the metric stage does (CocoClipAccumulator): truth area is the box area.
        _cocoTruth = new CocoGroundTruth(
            [.. Enumerable.Range(0, Frames).Select(i => (long)i)],
            [.. Classes.Select((name, id) => new CocoCategory(id, name))],
            [.. _truth.SelectMany((boxes, i) => boxes.Select(b => new CocoAnnotation(i, b.ClassId, b.X, b.Y, b.Width, b.Height,
                (double)b.Width * b.Height, IsCrowd: b.Ignore, Ignore: b.Ignore)))]);
        _cocoDetections = [.. _current.SelectMany((dets, i) => dets.Select(d =>
            new CocoDetection(i, d.ClassId, d.X1, d.Y1, (double)d.X2 - d.X1, (double)d.Y2 - d.Y1, d.Score)))];
    }

    [Benchmark(Baseline = true, Description = "anchor: one COCO evaluation, 600 frames x 100 dets")]
    public double CocoEvaluation() => CocoEvaluator.Evaluate(_cocoTruth, _cocoDetections).Stats.AP;

    [Benchmark(Description = "1,000 resamples, one run (all metrics)")]
    public double OneRun() => PairedBootstrap.Samples(Classes, _truth, _timestamps, _current, _options).Values(0)[1];

    [Benchmark(Description = "1,000 resamples, paired runs (PairedBootstrap.Run)")]
    public double PairedRuns() => PairedBootstrap.Run(Classes, _truth, _timestamps, _baseline, _current, _options)["coco/AP"].Low;

    [Benchmark(Description = "1,000 resamples, paired runs, tracks crossed with frames")]
    public double PairedCrossed() => PairedBootstrap.Run(Classes, _tracked, _timestamps, _baseline, _current, _crossed)["coco/AP"].Low;

    [Benchmark(Description = "4,000 resamples (the gate's), paired runs, tracks crossed with frames")]
    public double PairedCrossedGate() => PairedBootstrap.Run(Classes, _tracked, _timestamps, _baseline, _current, _crossed with { Resamples = 4000 })["coco/AP"].Low;
}
