using Harness.Clips;
using Harness.Clips.Images;
using Harness.Clips.Kitti;
using Harness.Metrics;
using Harness.Running;
using Harness.TestKit;

namespace Harness.Tests.Clips.Kitti;

/// <summary>A KITTI tracking folder (<c>image_02/&lt;sequence&gt;/</c>, <c>label_02/&lt;sequence&gt;.txt</c>) written by hand, one sequence a clip.</summary>
public sealed class KittiTrackingClipReaderTests : IDisposable
{
    private readonly TemporaryDirectory temp = new("kitti-tracking-");

    private string Sequence => temp.Combine("image_02", "0003");

    private string LabelFile => temp.Combine("label_02", "0003.txt");

    public KittiTrackingClipReaderTests()
    {
        Directory.CreateDirectory(Sequence);
        Directory.CreateDirectory(temp.Combine("label_02"));
    }

    [Fact]
    public void Track_ids_are_read_a_frame_without_lines_is_empty_and_dontcare_is_an_untracked_ignore_region()
    {
        WriteImages(3);
        File.WriteAllText(LabelFile, """
            0 4 Car 0.00 1 -1.58 1.00 2.00 5.00 4.00 1.50 1.60 3.90 3.00 1.70 4.00 0.01
            0 -1 DontCare -1 -1 -10 6.00 0.00 8.00 2.00 -1 -1 -1 -1000 -1000 -1000 -10
            2 4 Car 0.00 0 -1.58 2.00 2.00 6.00 4.00 1.50 1.60 3.90 3.00 1.70 4.00 0.01 0.93
            2 9 Van 0.00 0 -1.58 0.00 0.00 2.00 2.00 2.00 1.90 4.50 -6.00 1.70 30.00 0.00
            """);

        using var reader = new KittiTrackingClipReader(Sequence, ClassMap.Identity(["car", "pedestrian"]));
        var frames = reader.ReadFrames().ToList();

        Assert.Equal([(0L, 0L), (1L, 100_000_000L), (2L, 200_000_000L)], frames.Select(f => (f.Index, f.TimestampNs)));
        Assert.Equal([(0, 4, false, 1f), (ClassMap.IgnoreRegion, -1, true, 6f)], frames[0].Truth.Select(t => (t.ClassId, t.TrackId, t.Ignore, t.X)));
        Assert.Empty(frames[1].Truth);
        Assert.Equal([(0, 4, false, 2f), (0, 9, true, 0f)], frames[2].Truth.Select(t => (t.ClassId, t.TrackId, t.Ignore, t.X)));
        var car = frames[0].Truth[0];
        Assert.Equal((4f, 2f, 5f, 0.3f), (car.Width, car.Height, car.RangeMeters!.Value, car.Occlusion));
        Assert.Equal(new Box3D(4f, -3f, -1.7f + 0.75f, 3.9f, 1.6f, 1.5f, -0.01f), car.Box3D);
    }

    [Theory]
    [InlineData("0 4 Car 0 0 0 1 2 3", "expected 17 fields (frame track_id type truncated occluded alpha bbox[4] dimensions[3] location[3] rotation_y), found 9")]
    [InlineData("0 x Car 0 0 0 0 0 1 1 1.5 1.6 3.9 0 1.7 10 0", "field 2 'x' is not an integer of at least -1")]
    [InlineData("-1 4 Car 0 0 0 0 0 1 1 1.5 1.6 3.9 0 1.7 10 0", "field 1 '-1' is not an integer of at least 0")]
    [InlineData("0 4 Car 0 0 0 1 1 NaN 2 1.5 1.6 3.9 0 1.7 10 0", "field 9 'NaN' is not a finite number")]
    [InlineData("0 4 Car 0 0 0 5 1 4.99 2 1.5 1.6 3.9 0 1.7 10 0", "bbox (5, 1, 4.99, 2) has its right edge left of its left edge")]
    [InlineData("7 4 Car 0 0 0 0 0 1 1 1.5 1.6 3.9 0 1.7 10 0", "frame 7 has no image")]
    public void Malformed_line_names_the_label_file_and_line(string line, string problem)
    {
        WriteImages(2);
        File.WriteAllText(LabelFile, "0 4 Car 0 0 0 0 0 1 1 1.5 1.6 3.9 0 1.7 10 0\n\n" + line + "\n");

        using var reader = new KittiTrackingClipReader(Sequence, ClassMap.Identity(["car"]));
        var error = Assert.Throws<ClipFormatException>(() => reader.ReadFrames().First());

        Assert.StartsWith($"{LabelFile}:3: {problem}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_label_types_of_the_sequence_are_reported_in_one_message_before_the_first_frame()
    {
        WriteImages(2);
        File.WriteAllText(LabelFile, """
            0 1 Tram 0 0 0 0 0 1 1 3.0 2.5 15 0 1.7 50 0
            0 -1 DontCare -1 -1 -10 0 0 1 1 -1 -1 -1 -1000 -1000 -1000 -10
            1 2 Misc 0 0 0 0 0 1 1 3.0 2.5 15 0 1.7 50 0
            1 3 Car 0 0 0 0 0 1 1 1.5 1.6 3.9 0 1.7 10 0
            """);

        using var reader = new KittiTrackingClipReader(Sequence, ClassMap.Identity(["car"]));
        var error = Assert.Throws<ClipFormatException>(() => reader.ReadFrames().First());

        Assert.Equal(
            $"{LabelFile}: truth labels 'Misc', 'Tram' map to no class (evaluation classes: 'car'); name them in the scenario's model.class_map or model.ignore, or evaluate the class_map's classes alone (model.evaluate: mapped)",
            error.Message);
    }

    [Fact]
    public void Sequence_folder_is_the_clip_its_hash_covers_its_own_files_and_the_tracking_folder_names_its_sequences()
    {
        WriteImages(2);
        File.WriteAllText(LabelFile, "0 4 Car 0 0 0 0 0 1 1 1.5 1.6 3.9 0 1.7 10 0\n");
        Directory.CreateDirectory(temp.Combine("image_02", "0007"));
        File.WriteAllText(temp.Combine("label_02", "0007.txt"), "");

        Assert.IsType<KittiTrackingClipFormat>(ClipFormatRegistry.For(Sequence));
        var hash = PinnedHash.OfClip(Sequence);
        File.WriteAllText(temp.Combine("label_02", "0007.txt"), "0 1 Car 0 0 0 0 0 1 1 1.5 1.6 3.9 0 1.7 10 0\n");
        Assert.Equal(hash, PinnedHash.OfClip(Sequence));
        File.AppendAllText(LabelFile, "1 4 Car 0 0 0 0 0 1 1 1.5 1.6 3.9 0 1.7 10 0\n");
        Assert.NotEqual(hash, PinnedHash.OfClip(Sequence));
        Assert.Equal(["image_02/0003/000000.png", "image_02/0003/000001.png"], ClipFormatRegistry.For(Sequence).Index(Sequence)!.Frames.Select(f => f.Name));

        var error = Assert.Throws<ClipFormatException>(() => PinnedHash.OfClip(temp.Path));
        Assert.Equal(
            $"clip '{temp.Path}' is a KITTI tracking folder; a clip is one of its sequences: name its image folder, e.g. '{Sequence}' (sequences with labels: 0003, 0007)",
            error.Message);
    }

    /// <summary>
    /// The hand-counted tracks of <c>StabilityFamilyTests</c>, read from a tracking sequence. Car track 1 moves 10 px
    /// right a frame over frames 0-4: missed, found, missed, found 2 px right, found 4 px right; pedestrian track 2 over
    /// frames 0-2: found, then only a car box on it, then found; frame 5 has no label lines; a DontCare never counts.
    /// flicker: car 1 of 5 object-frames (frame 2) = 200, pedestrian 1 of 3 (frame 1) = 333.3, pooled 2 of 8 = 250;
    /// class switches: pedestrian to car and back, 2 of 3 = 666.7, pooled 250; jitter: the car's frames 3-4, edges
    /// (2 + 0 + 2 + 0) / 4 = 1 px; frames to detect: car 1, pedestrian 0, pooled 0.5.
    /// </summary>
    [Fact]
    public void Stability_metrics_of_a_tracking_sequence_are_the_hand_counted_ones()
    {
        WriteImages(6);
        File.WriteAllText(LabelFile, """
            0 1 Car 0 0 0 0 0 40 40 1.5 1.6 3.9 0 1.7 10 0
            0 2 Pedestrian 0 0 0 200 0 220 40 1.7 0.6 0.8 0 1.7 5 0
            0 -1 DontCare -1 -1 -10 400 0 440 40 -1 -1 -1 -1000 -1000 -1000 -10
            1 1 Car 0 0 0 10 0 50 40 1.5 1.6 3.9 0 1.7 10 0
            1 2 Pedestrian 0 0 0 200 0 220 40 1.7 0.6 0.8 0 1.7 5 0
            2 1 Car 0 0 0 20 0 60 40 1.5 1.6 3.9 0 1.7 10 0
            2 2 Pedestrian 0 0 0 200 0 220 40 1.7 0.6 0.8 0 1.7 5 0
            3 1 Car 0 0 0 30 0 70 40 1.5 1.6 3.9 0 1.7 10 0
            4 1 Car 0 0 0 40 0 80 40 1.5 1.6 3.9 0 1.7 10 0
            """);
        Detection[][] detections =
        [
            [new(200, 0, 220, 40, 0.9f, 1), new(400, 0, 440, 40, 0.9f, 0)],
            [new(10, 0, 50, 40, 0.9f, 0), new(200, 0, 220, 40, 0.8f, 0)],
            [new(200, 0, 220, 40, 0.9f, 1)],
            [new(32, 0, 72, 40, 0.9f, 0)],
            [new(44, 0, 84, 40, 0.9f, 0)],
            [],
        ];
        var accumulator = new MetricsAccumulator(new MetricsOptions(["car", "pedestrian"]));

        using var reader = new KittiTrackingClipReader(Sequence, ClassMap.Identity(["car", "pedestrian"]));
        foreach (var frame in reader.ReadFrames())
        {
            accumulator.Add(frame, detections[frame.Index]);
        }

        var metrics = accumulator.Complete("kitti-0003", "clip", "model", "digest").Metrics;
        Assert.Equal(200, metrics["flicker/car"], 1e-9);
        Assert.Equal(1000.0 / 3, metrics["flicker/pedestrian"], 1e-9);
        Assert.Equal(250, metrics["flicker"], 1e-9);
        Assert.Equal(0, metrics["class_switches/car"]);
        Assert.Equal(2000.0 / 3, metrics["class_switches/pedestrian"], 1e-9);
        Assert.Equal(250, metrics["class_switches"], 1e-9);
        Assert.Equal(1, metrics["jitter_px/car"], 1e-9);
        Assert.Equal(1, metrics["frames_to_detect/car"]);
        Assert.Equal(0, metrics["frames_to_detect/pedestrian"]);
        Assert.Equal(0.5, metrics["frames_to_detect"]);
    }

    public void Dispose() => temp.Dispose();

    private void WriteImages(int count)
    {
        var image = ImageEncoder.EncodePng(CameraImage.Packed(8, 4, PixelFormat.Rgb8, new byte[8 * 4 * 3]));
        for (var frame = 0; frame < count; frame++)
        {
            File.WriteAllBytes(Path.Combine(Sequence, frame.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + ".png"), image);
        }
    }
}
