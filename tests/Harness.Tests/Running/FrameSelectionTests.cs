using Harness.Clips;
using Harness.Postprocessing;
using Harness.Running;

namespace Harness.Tests.Running;

public sealed class FrameSelectionTests
{
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

    private static CameraImage Image() => CameraImage.Packed(4, 2, PixelFormat.Rgb8, new byte[4 * 2 * 3]);

    private static readonly FrameDigest AnyDigest = new("00000000", 0);
}
