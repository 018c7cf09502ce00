using Harness.Metrics;
using Harness.Metrics.Bootstrap;

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

    /// <summary>
    /// A clip of object tracks: up to <paramref name="maxObjects"/> objects live at once, each for 3-15 frames with its
    /// own track id and drifting box, detected by jittered copies (IoU with it at least 0.1); false positives anywhere
    /// in the frame, in frames with objects only when <paramref name="backgroundWithObjects"/>. With one object and no
    /// background beside it, every box of a frame with an object belongs to that object's track, so a resample is the
    /// frames replayed as often as their track (or, without an object, their frame) was drawn.
    /// </summary>
    public static BootstrapClip CreateTracked(int frames, int seed, int maxObjects, bool backgroundWithObjects)
    {
        var random = new Random(seed);
        var scores = new HashSet<float>();
        var live = new List<(int Track, int Class, float X, float Y, float W, float H, int Left)>();
        var nextTrack = 100;
        var truth = new List<IReadOnlyList<TruthBox>>();
        var baseline = new List<IReadOnlyList<Detection>>();
        var current = new List<IReadOnlyList<Detection>>();
        for (var i = 0; i < frames; i++)
        {
            live.RemoveAll(o => o.Left == 0);
            if (live.Count < maxObjects && random.Next(3) > 0)
            {
                live.Add((nextTrack++, random.Next(Classes.Length), random.NextSingle() * 500, random.NextSingle() * 300,
                    8 + (random.NextSingle() * 150), 8 + (random.NextSingle() * 150), 3 + random.Next(13)));
            }

            var boxes = new List<TruthBox>();
            for (var o = 0; o < live.Count; o++)
            {
                var (track, cls, x, y, w, h, left) = live[o];
                boxes.Add(new TruthBox(cls, x, y, w, h, TrackId: track, RangeMeters: random.NextSingle() * 80, Ignore: random.Next(15) == 0));
                live[o] = (track, cls, x + random.NextSingle() * 4, y + random.NextSingle() * 2, w, h, left - 1);
            }

            truth.Add(boxes);
            var background = boxes.Count == 0 || backgroundWithObjects ? 4 : 0;
            baseline.Add(TrackedDetections(random, scores, boxes, background));
            current.Add(TrackedDetections(random, scores, boxes, background));
        }

        var timestamps = Enumerable.Range(0, frames).Select(i => 1_000_000_000L + (i * FrameIntervalNs)).ToArray();
        return new BootstrapClip(truth, timestamps, baseline, current);
    }

    /// <summary>The resampling units of this clip's two runs.</summary>
    public ResamplingUnits Units(BootstrapOptions options) => PairedBootstrap.Units(Classes, Truth, TimestampsNs, [Baseline, Current], options);

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

    private static List<Detection> TrackedDetections(Random random, HashSet<float> scores, List<TruthBox> truth, int maxBackground)
    {
        var detections = new List<Detection>();
        foreach (var box in truth)
        {
            for (var copy = random.Next(3); copy > 0; copy--)
            {
                Detection detection;
                do
                {
                    var x = box.X + ((random.NextSingle() - 0.5f) * 0.6f * box.Width);
                    var y = box.Y + ((random.NextSingle() - 0.5f) * 0.6f * box.Height);
                    detection = new Detection(x, y, x + (box.Width * (0.7f + (0.6f * random.NextSingle()))),
                        y + (box.Height * (0.7f + (0.6f * random.NextSingle()))), Score(random, scores),
                        random.Next(8) == 0 ? random.Next(Classes.Length) : box.ClassId);
                }
                while (PixelOverlap.Iou(detection, box) < ResamplingUnits.AttributionIou);

                detections.Add(detection);
            }
        }

        for (var f = random.Next(maxBackground + 1); f > 0; f--)
        {
            var x = random.NextSingle() * 600;
            var y = random.NextSingle() * 400;
            detections.Add(new Detection(x, y, x + 4 + (random.NextSingle() * 100), y + 4 + (random.NextSingle() * 100), Score(random, scores), random.Next(Classes.Length)));
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
