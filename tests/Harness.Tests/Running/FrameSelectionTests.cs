using Harness.Clips;
using Harness.Metrics;
using Harness.Postprocessing;
using Harness.Running;

namespace Harness.Tests.Running;

public sealed class FrameSelectionTests
{
    [Fact]
    public void Matcher_classifies_matched_duplicate_wrong_class_and_ignored_detections()
    {
        TruthBox[] truth =
        [
            new(0, 0, 0, 10, 10),
            new(0, 50, 50, 10, 10),
            new(-1, 100, 0, 20, 20, Ignore: true),
        ];
        Detection[] detections =
        [
            new(0, 0, 10, 10, 0.9f, 0),
            new(1, 0, 11, 10, 0.8f, 0),
            new(102, 2, 112, 12, 0.7f, 0),
            new(0, 0, 10, 10, 0.95f, 1),
        ];
        var matcher = new FrameMatcher();

        var errors = matcher.Match(truth, detections);

        Assert.Equal(
            [DetectionMatch.Matched, DetectionMatch.FalsePositive, DetectionMatch.Ignored, DetectionMatch.FalsePositive],
            matcher.Matches.ToArray());
        Assert.Equal([true, false, false], matcher.TruthMatched.ToArray());
        Assert.Equal(new FrameErrors(FalsePositives: 2, Misses: 1), errors);
    }

    [Fact]
    public void Matcher_lets_the_higher_score_take_the_truth_even_with_lower_iou()
    {
        TruthBox[] truth = [new(0, 0, 0, 10, 10)];
        Detection[] detections =
        [
            new(0, 0, 10, 8, 0.6f, 0),
            new(0, 0, 10, 6, 0.9f, 0),
        ];
        var matcher = new FrameMatcher();

        matcher.Match(truth, detections);

        Assert.Equal([DetectionMatch.FalsePositive, DetectionMatch.Matched], matcher.Matches.ToArray());
    }

    [Fact]
    public void Matcher_counts_the_same_errors_as_the_operating_point_metrics_on_random_frames()
    {
        var random = new Random(11);
        var matcher = new FrameMatcher();
        for (var frame = 0; frame < 200; frame++)
        {
            var truth = Enumerable.Range(0, random.Next(0, 8)).Select(_ => RandomTruth(random)).ToArray();
            var detections = Enumerable.Range(0, random.Next(0, 12)).Select(_ => RandomDetection(random, truth)).ToArray();
            var metrics = new OperatingPointAccumulator(3);
            metrics.Add(truth, detections);
            var values = new Dictionary<string, double>();
            metrics.Write(["car", "pedestrian", "cyclist"], values);

            var errors = matcher.Match(truth, detections);

            Assert.Equal(values[MetricNames.FalsePositivesPerFrame], errors.FalsePositives);
            var scored = truth.Count(t => !t.Ignore);
            var expectedMisses = scored == 0 ? 0 : (int)Math.Round(scored * (1 - values[MetricNames.Recall]));
            Assert.Equal(expectedMisses, errors.Misses);
        }
    }

    [Fact]
    public void Keeps_the_frames_with_most_errors_most_first_and_the_earlier_on_ties()
    {
        int[] errorsPerFrame = [1, 5, 0, 3, 5, 2, 4, 1];
        var selection = new FrameSelection(3);

        for (var i = 0; i < errorsPerFrame.Length; i++)
        {
            var (truth, detections) = FrameWithErrors(falsePositives: errorsPerFrame[i] / 2, misses: errorsPerFrame[i] - (errorsPerFrame[i] / 2));
            selection.Add(i, AnyDigest, i, Image(), truth, detections);
        }

        Assert.Equal([1L, 4L, 6L], selection.Frames.Select(f => f.FrameIndex));
        Assert.Equal([5, 5, 4], selection.Frames.Select(f => f.Errors));
        Assert.Equal(2, selection.Frames[0].FalsePositives);
        Assert.Equal(3, selection.Frames[0].Misses);
    }

    [Fact]
    public void Never_holds_more_than_capacity_frames_while_streaming()
    {
        var selection = new FrameSelection(4);

        for (var i = 0; i < 200; i++)
        {
            var (truth, detections) = FrameWithErrors(falsePositives: i % 7, misses: i % 3);
            selection.Add(i, AnyDigest, i, Image(), truth, detections);
            Assert.True(selection.Count <= 4, $"held {selection.Count} frames after frame {i}");
        }

        Assert.Equal(4, selection.Frames.Count);
        Assert.All(selection.Frames, f => Assert.Equal(8, f.Errors));
    }

    [Fact]
    public void Keeps_its_own_copy_of_pixels_the_reader_reuses()
    {
        var pixels = new byte[8 * 4 * 3];
        pixels.AsSpan().Fill(7);
        var stride = 8 * 3;
        var padded = new CameraImage(7, 4, stride, PixelFormat.Rgb8, pixels);
        var selection = new FrameSelection(1);
        var (truth, detections) = FrameWithErrors(falsePositives: 1, misses: 0);

        selection.Add(0, AnyDigest, 0, padded, truth, detections);
        pixels.AsSpan().Fill(200);

        var kept = selection.Frames[0].Image;
        Assert.Equal(7 * 3, kept.Stride);
        Assert.Equal(7 * 4 * 3, kept.Pixels.Length);
        Assert.All(kept.Pixels.ToArray(), b => Assert.Equal(7, b));
    }

    [Fact]
    public void With_a_baseline_changed_frames_come_first_largest_count_change_first()
    {
        FrameDigest[] baseline = [new("aaaaaaaa", 3), new("bbbbbbbb", 3), new("cccccccc", 3), new("dddddddd", 3)];
        var selection = new FrameSelection(3, baseline);
        (FrameDigest Digest, int Errors)[] run = [(new("aaaaaaaa", 3), 9), (new("b0000000", 4), 0), (new("cccccccc", 3), 1), (new("d0000000", 8), 1)];

        for (var i = 0; i < run.Length; i++)
        {
            var (truth, detections) = FrameWithErrors(falsePositives: 0, misses: run[i].Errors);
            selection.Add(i, run[i].Digest, i, Image(), truth, detections);
        }

        Assert.Equal([3L, 1L, 0L], selection.Frames.Select(f => f.FrameIndex));
        Assert.Equal([true, true, false], selection.Frames.Select(f => f.ChangedFromBaseline));
        Assert.Equal([3, 3, (int?)null], selection.Frames.Select(f => f.BaselineDetections));
    }

    [Fact]
    public void Frames_without_errors_are_not_kept()
    {
        var selection = new FrameSelection(4);
        var (truth, detections) = FrameWithErrors(falsePositives: 0, misses: 0);

        selection.Add(0, AnyDigest, 0, Image(), truth, detections);

        Assert.Empty(selection.Frames);
    }

    /// <summary>One matched pair, then misses as lone truth boxes and false positives as lone detections, far apart.</summary>
    private static (TruthBox[] Truth, Detection[] Detections) FrameWithErrors(int falsePositives, int misses)
    {
        var truth = new List<TruthBox> { new(0, 0, 0, 10, 10) };
        var detections = new List<Detection> { new(0, 0, 10, 10, 0.9f, 0) };
        for (var m = 0; m < misses; m++)
        {
            truth.Add(new TruthBox(0, 20 * (m + 1), 100, 10, 10));
        }

        for (var f = 0; f < falsePositives; f++)
        {
            var x = 20 * (f + 1);
            detections.Add(new Detection(x, 200, x + 10, 210, 0.5f, 0));
        }

        return ([.. truth], [.. detections]);
    }

    private static TruthBox RandomTruth(Random random)
    {
        var ignore = random.Next(6) == 0;
        var classId = ignore && random.Next(2) == 0 ? -1 : random.Next(3);
        return new TruthBox(classId, random.Next(0, 80), random.Next(0, 80), random.Next(4, 30), random.Next(4, 30), Ignore: ignore);
    }

    /// <summary>Mostly jittered copies of a truth box (so matches, duplicates and near misses all happen), some anywhere.</summary>
    private static Detection RandomDetection(Random random, TruthBox[] truth)
    {
        var score = (float)Math.Round(random.NextDouble(), 1);
        var classId = random.Next(3);
        if (truth.Length == 0 || random.Next(4) == 0)
        {
            float x = random.Next(0, 100), y = random.Next(0, 100);
            return new Detection(x, y, x + random.Next(4, 30), y + random.Next(4, 30), score, classId);
        }

        var near = truth[random.Next(truth.Length)];
        var dx = random.Next(-4, 5);
        var dy = random.Next(-4, 5);
        return new Detection(near.X + dx, near.Y + dy, near.X + near.Width + dx, near.Y + near.Height + dy, score, near.ClassId >= 0 ? near.ClassId : classId);
    }

    private static CameraImage Image() => CameraImage.Packed(4, 2, PixelFormat.Rgb8, new byte[4 * 2 * 3]);

    private static readonly FrameDigest AnyDigest = new("00000000", 0);
}
