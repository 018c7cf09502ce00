using Harness.Clips;
using Harness.Metrics;
using Harness.Postprocessing;

namespace Harness.Tests.Metrics.Bootstrap;

/// <summary>
/// A seeded random clip with a baseline and a current run: truths of three classes at every COCO size, ignore regions
/// (per class and class-agnostic), jittered detections of the truths plus false positives, every score distinct so that
/// no score tie can order two detections differently. Frames are 100 ms apart.
/// </summary>
internal sealed record BootstrapClip(
    IReadOnlyList<IReadOnlyList<TruthBox>> Truth,
    IReadOnlyList<long> TimestampsNs,
    IReadOnlyList<IReadOnlyList<Detection>> Baseline,
    IReadOnlyList<IReadOnlyList<Detection>> Current)
{
    public static readonly string[] Classes = ["car", "pedestrian", "cyclist"];

    public const long FrameIntervalNs = 100_000_000;

    public static BootstrapClip Create(int frames, int seed, int maxTruths = 6, int maxFalsePositives = 6)
    {
        var random = new Random(seed);
        var scores = new HashSet<float>();
        var truth = new List<IReadOnlyList<TruthBox>>();
        var baseline = new List<IReadOnlyList<Detection>>();
        var current = new List<IReadOnlyList<Detection>>();
        for (var i = 0; i < frames; i++)
        {
            var boxes = new List<TruthBox>();
            var count = random.Next(maxTruths + 1);
            for (var t = 0; t < count; t++)
            {
                var w = 4 + (random.NextSingle() * 160);
                var h = 4 + (random.NextSingle() * 160);
                float? range = random.Next(4) == 0 ? null : random.NextSingle() * 80;
                boxes.Add(new TruthBox(random.Next(Classes.Length), random.NextSingle() * 600, random.NextSingle() * 400, w, h,
                    Occlusion: random.NextSingle(), RangeMeters: range, Ignore: random.Next(12) == 0));
            }

            if (random.Next(8) == 0)
            {
                boxes.Add(new TruthBox(-1, random.NextSingle() * 600, random.NextSingle() * 400, 120, 120, Ignore: true));
            }

            truth.Add(boxes);
            baseline.Add(Detections(random, scores, boxes, maxFalsePositives));
            current.Add(Detections(random, scores, boxes, maxFalsePositives));
        }

        var timestamps = Enumerable.Range(0, frames).Select(i => 1_000_000_000L + (i * FrameIntervalNs)).ToArray();
        return new BootstrapClip(truth, timestamps, baseline, current);
    }

    /// <summary>The metrics MetricsAccumulator gives for frames <paramref name="order"/> of one run, in that order.</summary>
    public static IReadOnlyDictionary<string, double> Accumulate(IReadOnlyList<IReadOnlyList<TruthBox>> truth,
        IReadOnlyList<IReadOnlyList<Detection>> detections, IEnumerable<int> order)
    {
        var accumulator = new MetricsAccumulator(new MetricsOptions(Classes));
        foreach (var i in order)
        {
            accumulator.Add(truth[i], detections[i]);
        }

        return accumulator.Complete("s", "clip", "model", "digest").Metrics;
    }

    private static List<Detection> Detections(Random random, HashSet<float> scores, List<TruthBox> truth, int maxFalsePositives)
    {
        var detections = new List<Detection>();
        foreach (var box in truth)
        {
            for (var copy = random.Next(3); copy > 0; copy--)
            {
                var x = box.X + ((random.NextSingle() - 0.5f) * 0.3f * box.Width);
                var y = box.Y + ((random.NextSingle() - 0.5f) * 0.3f * box.Height);
                var classId = box.ClassId < 0 || random.Next(10) == 0 ? random.Next(Classes.Length) : box.ClassId;
                detections.Add(new Detection(x, y, x + (box.Width * (0.8f + (0.4f * random.NextSingle()))),
                    y + (box.Height * (0.8f + (0.4f * random.NextSingle()))), Score(random, scores), classId));
            }
        }

        for (var f = random.Next(maxFalsePositives + 1); f > 0; f--)
        {
            var x = random.NextSingle() * 600;
            var y = random.NextSingle() * 400;
            detections.Add(new Detection(x, y, x + 4 + (random.NextSingle() * 160), y + 4 + (random.NextSingle() * 160),
                Score(random, scores), random.Next(Classes.Length)));
        }

        return detections;
    }

    private static float Score(Random random, HashSet<float> scores)
    {
        float score;
        do
        {
            score = random.NextSingle();
        }
        while (!scores.Add(score));

        return score;
    }
}
