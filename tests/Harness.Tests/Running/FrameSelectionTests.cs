using Harness.Clips.Images;
using Harness.Metrics.Flips;
using Harness.Running;

namespace Harness.Tests.Running;

public sealed class FrameSelectionTests
{
    private static readonly string[] Classes = ["car", "pedestrian"];

    [Fact]
    public void Keeps_the_frames_with_most_errors_most_first_and_the_earlier_on_ties()
    {
        int[] errorsPerFrame = [1, 5, 0, 3, 5, 2, 4, 1];
        var selection = new FrameSelection(3, Classes);

        for (var i = 0; i < errorsPerFrame.Length; i++)
        {
            var (truth, detections) = FrameWithErrors(falsePositives: errorsPerFrame[i] / 2, misses: errorsPerFrame[i] - (errorsPerFrame[i] / 2));
            selection.Add(i, i, Image(), truth, detections);
        }

        Assert.Equal([1L, 4L, 6L], selection.Frames.Select(f => f.FrameIndex));
        Assert.Equal([5, 5, 4], selection.Frames.Select(f => f.Errors));
        Assert.Equal(2, selection.Frames[0].FalsePositives);
        Assert.Equal(3, selection.Frames[0].Misses);
    }

    [Fact]
    public void Never_holds_more_than_capacity_frames_while_streaming()
    {
        var selection = new FrameSelection(4, Classes);

        for (var i = 0; i < 200; i++)
        {
            var (truth, detections) = FrameWithErrors(falsePositives: i % 7, misses: i % 3);
            selection.Add(i, i, Image(), truth, detections);
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
        var selection = new FrameSelection(1, Classes);
        var (truth, detections) = FrameWithErrors(falsePositives: 1, misses: 0);

        selection.Add(0, 0, padded, truth, detections);
        pixels.AsSpan().Fill(200);

        Assert.Null(selection.Frames[0].Image);
        var kept = selection.Encode()[0].Image!;
        var decoded = ImageDecoder.DecodeRgb(kept.Jpeg.Span, "kept");
        Assert.Equal((7, 4), (kept.Width, kept.Height));
        Assert.Equal((7, 4), (decoded.Width, decoded.Height));
        Assert.All(decoded.Pixels.ToArray(), b => Assert.InRange(b, 6, 8));
    }

    [Fact]
    public void With_a_baseline_frames_with_flips_come_first_most_severe_flip_first_then_most_errors()
    {
        // Frame 0: many errors, same detections as the baseline. Frame 1: a small far car lost. Frame 2: a large near
        // pedestrian lost. Frame 3: one error, unchanged.
        TruthBox farCar = new(0, 0, 0, 10, 10, RangeMeters: 70);
        TruthBox nearPedestrian = new(1, 0, 0, 100, 200, RangeMeters: 5);
        var (manyErrorsTruth, manyErrors) = FrameWithErrors(falsePositives: 4, misses: 5);
        var (oneErrorTruth, oneError) = FrameWithErrors(falsePositives: 0, misses: 1);
        (TruthBox[] Truth, Detection[] Baseline, Detection[] Current)[] frames =
        [
            (manyErrorsTruth, manyErrors, manyErrors),
            ([farCar], [Exact(farCar)], []),
            ([nearPedestrian], [Exact(nearPedestrian)], []),
            (oneErrorTruth, oneError, oneError),
        ];
        var selection = new FrameSelection(3, Classes, [.. frames.Select(f => (IReadOnlyList<Detection>)f.Baseline)]);

        for (var i = 0; i < frames.Length; i++)
        {
            selection.Add(i, i, Image(), frames[i].Truth, frames[i].Current);
        }

        Assert.Equal([2L, 1L, 0L], selection.Frames.Select(f => f.FrameIndex));
        Assert.Equal([true, true, false], selection.Frames.Select(f => f.ChangedFromBaseline));
        Assert.Equal([FlipKind.Lost], selection.Frames[0].Flips.Select(f => f.Kind));
        Assert.Equal(nearPedestrian, selection.Frames[0].Flips[0].Truth);
        Assert.Equal([Exact(nearPedestrian)], selection.Frames[0].BaselineDetections!);
        Assert.Empty(selection.Frames[2].Flips);
    }

    [Fact]
    public void On_equal_worst_flips_the_frame_with_more_flips_comes_first()
    {
        TruthBox car = new(0, 0, 0, 40, 40, RangeMeters: 20);
        TruthBox other = new(0, 100, 0, 10, 10, RangeMeters: 90);
        var selection = new FrameSelection(2, Classes, [[Exact(car)], [Exact(car), Exact(other)]]);

        selection.Add(0, 0, Image(), [car, other], []);
        selection.Add(1, 1, Image(), [car, other], []);

        Assert.Equal([1L, 0L], selection.Frames.Select(f => f.FrameIndex));
        Assert.Equal([2, 1], selection.Frames.Select(f => f.Flips.Count));
    }

    [Fact]
    public void A_frame_beyond_the_baseline_has_no_flips_and_no_baseline_detections()
    {
        var (truth, detections) = FrameWithErrors(falsePositives: 1, misses: 0);
        var selection = new FrameSelection(2, Classes, [[]]);

        selection.Add(1, 1, Image(), truth, detections);

        Assert.False(selection.Frames[0].ChangedFromBaseline);
        Assert.Null(selection.Frames[0].BaselineDetections);
    }

    [Fact]
    public void Frames_without_errors_or_flips_are_not_kept()
    {
        var selection = new FrameSelection(4, Classes, [[Exact(new TruthBox(0, 0, 0, 10, 10))]]);
        var (truth, detections) = FrameWithErrors(falsePositives: 0, misses: 0);

        selection.Add(0, 0, Image(), truth, detections);

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

    private static Detection Exact(TruthBox box) => new(box.X, box.Y, box.X + box.Width, box.Y + box.Height, 0.9f, box.ClassId);

    private static CameraImage Image() => CameraImage.Packed(4, 2, PixelFormat.Rgb8, new byte[4 * 2 * 3]);
}
