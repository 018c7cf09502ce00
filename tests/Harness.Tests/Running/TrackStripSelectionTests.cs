using Harness.Clips.Images;
using Harness.Metrics;
using Harness.Running;

namespace Harness.Tests.Running;

/// <summary>The worst tracks by flickers plus class switches, and the frames of their strips, on tracks counted by hand.</summary>
public sealed class TrackStripSelectionTests
{
    private static readonly CameraImage Image = CameraImage.Packed(64, 48, PixelFormat.Rgb8, new byte[64 * 48 * 3]);

    private static TruthBox Box(int classId, float x, float y, int track) => new(classId, x, y, 10, 10, TrackId: track);

    private static Detection On(TruthBox box, int classId) => new(box.X, box.Y, box.X + box.Width, box.Y + box.Height, 0.9f, classId);

    private static IReadOnlyList<TrackStrip> Select(int capacity, int frames, Func<int, (TruthBox[] Truth, Detection[] Detections)> frame)
    {
        using var selection = new TrackStripSelection(capacity);
        for (var f = 0; f < frames; f++)
        {
            var (truth, detections) = frame(f);
            selection.Add(f, 100 + f, Image, truth, detections);
        }

        return selection.Encode();
    }

    [Fact]
    public void Truth_without_track_ids_gives_no_strips()
    {
        var strips = Select(5, 5, f => ([new TruthBox(0, 10, 10, 10, 10)], f == 2 ? [] : [new Detection(10, 10, 20, 20, 0.9f, 0)]));

        Assert.Empty(strips);
    }

    /// <summary>
    /// Ten frames, capacity 2. Car track 1 is missed at frames 2 and 5 (two flickers); car track 2 at frame 8 (one);
    /// pedestrian track 3 is seen as a car at frame 4 (a miss, so a flicker, and a class switch) and as a pedestrian again
    /// at 5 (a second switch): three events. Track 3 ranks first, track 1 second, track 2 is left out. Track 3's burst
    /// is centred on its switch at 4: frames 1-7; track 1's on its flicker at 2, cut at the clip's start: frames 0-5,
    /// with its flicker at 5 in it.
    /// </summary>
    [Fact]
    public void Worst_tracks_come_first_with_the_frames_around_their_worst_burst()
    {
        var strips = Select(2, 10, f =>
        {
            var (one, two, three) = (Box(0, 10, 10, 1), Box(0, 40, 10, 2), Box(1, 10, 30, 3));
            var detections = new List<Detection>();
            if (f is not (2 or 5))
            {
                detections.Add(On(one, 0));
            }

            if (f != 8)
            {
                detections.Add(On(two, 0));
            }

            detections.Add(On(three, f == 4 ? 0 : 1));
            return ([one, two, three], [.. detections]);
        });

        Assert.Equal([(3, 1, 1, 2), (1, 0, 2, 0)], strips.Select(s => (s.TrackId, s.ClassId, s.Flickers, s.ClassSwitches)));
        var three = strips[0];
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], three.Frames.Select(f => f.Ordinal));
        Assert.Equal([101L, 102, 103, 104, 105, 106, 107], three.Frames.Select(f => f.FrameIndex));
        Assert.All(three.Frames, f => Assert.Equal(2, f.Truth));
        Assert.Equal((-1, 2, true, true, true), (three.Frames[3].Match, three.Frames[3].SeenAs, three.Frames[3].Missed, three.Frames[3].Flicker, three.Frames[3].ClassSwitch));
        Assert.Equal((1, 1, false, false, true), (three.Frames[4].Match, three.Frames[4].SeenAs, three.Frames[4].Missed, three.Frames[4].Flicker, three.Frames[4].ClassSwitch));
        Assert.Equal([false, false, false, true, true, false, false], three.Frames.Select(f => f.Flicker || f.ClassSwitch));

        var one = strips[1];
        Assert.Equal([0, 1, 2, 3, 4, 5], one.Frames.Select(f => f.Ordinal));
        Assert.Equal([false, false, true, false, false, true], one.Frames.Select(f => f.Flicker));
        Assert.Equal([false, false, true, false, false, true], one.Frames.Select(f => f.Missed));

        // A square twice the box's longer side would be 20 px: the 48 px minimum, centred on the box (15, 15).
        Assert.Equal((-9f, -9f, 48f), (one.Frames[0].X, one.Frames[0].Y, one.Frames[0].Side));
        Assert.Equal((6 * TrackStrip.CellSize, TrackStrip.CellSize), (one.Image.Width, one.Image.Height));
        Assert.Equal((6 * TrackStrip.CellSize, TrackStrip.CellSize), (ImageDecoder.DecodeRgb(one.Image.Jpeg.Span, "strip").Width, TrackStrip.CellSize));
    }

    /// <summary>
    /// One track missed at frames 1, 9 and 11, found otherwise: flickers at 1 (alone: frames 0-4 hold one) and at 9 and
    /// 11 (frames 6-12 hold both), so the strip shows frames 6-12, the second burst, though it came later.
    /// </summary>
    [Fact]
    public void The_burst_holding_the_most_events_is_shown()
    {
        var strips = Select(1, 13, f =>
        {
            var box = Box(0, 10, 10, 4);
            return ([box], f is 1 or 9 or 11 ? [] : [On(box, 0)]);
        });

        var strip = Assert.Single(strips);
        Assert.Equal(3, strip.Flickers);
        Assert.Equal([6, 7, 8, 9, 10, 11, 12], strip.Frames.Select(f => f.Ordinal));
        Assert.Equal([9, 11], strip.Frames.Where(f => f.Flicker).Select(f => f.Ordinal));
    }

    /// <summary>A track that only joins the worst with its second event still shows its first, when that lies in the burst.</summary>
    [Fact]
    public void A_burst_started_late_shows_the_events_before_its_centre()
    {
        // Track 5 flickers at 2 and 6 (two events); track 6 at 3, then 5 (joins the worst at 5, replacing nobody: capacity 1 is full with track 5).
        var strips = Select(1, 10, f =>
        {
            var (five, six) = (Box(0, 10, 10, 5), Box(0, 40, 10, 6));
            var detections = new List<Detection>();
            if (f is not (2 or 6))
            {
                detections.Add(On(five, 0));
            }

            if (f is not (3 or 5 or 7))
            {
                detections.Add(On(six, 0));
            }

            return ([five, six], [.. detections]);
        });

        // Track 6: flickers at 3, 5 and 7, three events, overtakes track 5 (two) at its second flicker (5): the burst
        // is centred on 5 (frames 2-8) and shows the flicker at 3 known before it, and the one at 7 after.
        var strip = Assert.Single(strips);
        Assert.Equal((6, 3), (strip.TrackId, strip.Flickers));
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], strip.Frames.Select(f => f.Ordinal));
        Assert.Equal([3, 5, 7], strip.Frames.Where(f => f.Flicker).Select(f => f.Ordinal));
    }
}
