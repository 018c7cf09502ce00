using Harness.Clips;
using Harness.Clips.Mcap;
using Harness.Clips.Messages;
using SkiaSharp;

namespace Harness.Tests.Clips.Mcap;

public sealed class McapClipReaderTests : IDisposable
{
    private static readonly string[] Names = ["car", "pedestrian", "cyclist"];
    private static readonly ClassMap Classes = ClassMap.Identity(Names);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"clip-{Guid.NewGuid():N}.mcap");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Streams_frames_with_same_time_truth_and_nearest_lidar()
    {
        var images = Enumerable.Range(0, 12).Select(i => Image(8, 6, seed: i)).ToList();
        using (var writer = McapClipWriter.Create(_path, "/camera/front", "/truth/front", Names, "/lidar/top", new McapWriterOptions { ChunkSize = 700 }))
        {
            for (var i = 0; i < images.Count; i++)
            {
                // Lidar every third frame, 10 ms after it: frames 0..12 see lidar at 10, 310, 610, 910 ms.
                if (i % 3 == 0)
                {
                    writer.WriteLidar(Ms(i * 100) + Ms(10), new LidarScan(new float[] { i, 0, 0, 1 }));
                }

                writer.WriteFrame(Ms(i * 100), images[i], Truth(i));
            }
        }

        using var reader = new McapClipReader(_path, "/camera/front", "/truth/front", Classes, "/lidar/top");
        var frames = reader.ReadFrames().ToList();

        Assert.Equal(images.Count, frames.Count);
        int[] nearestLidarFrame = [0, 0, 3, 3, 3, 6, 6, 6, 9, 9, 9, 9];
        for (var i = 0; i < frames.Count; i++)
        {
            Assert.Equal((i, Ms(i * 100)), (frames[i].Index, frames[i].TimestampNs));
            Assert.Equal((8, 6, 24, PixelFormat.Rgb8), (frames[i].Image.Width, frames[i].Image.Height, frames[i].Image.Stride, frames[i].Image.Format));
            Assert.Equal(images[i].Pixels.ToArray(), frames[i].Image.Pixels.ToArray());
            Assert.Equal(Truth(i), frames[i].Truth);
            Assert.Equal(nearestLidarFrame[i], frames[i].Lidar!.Points.Span[0]);
        }
    }

    [Fact]
    public void Decodes_ros2_cdr_and_png_camera_channels()
    {
        var image = Image(5, 4, seed: 3);
        using (var writer = McapWriter.Create(_path))
        {
            writer.AddSchema(ClipSchemas.Ros2Image(1));
            writer.AddSchema(ClipSchemas.CompressedImage(2));
            writer.AddSchema(ClipSchemas.TruthBoxes(3));
            writer.AddChannel(new McapChannel(1, 1, "/ros", "cdr"));
            writer.AddChannel(new McapChannel(2, 2, "/png", "protobuf"));
            writer.AddChannel(new McapChannel(3, 3, "/truth", "json"));
            var bgr = image.Pixels.ToArray();
            for (var p = 0; p < bgr.Length; p += 3)
            {
                (bgr[p], bgr[p + 2]) = (bgr[p + 2], bgr[p]);
            }

            writer.WriteMessage(1, 100, 100, 0, Ros2ImageMessage.FromTimestamp(100, "cam", 5, 4, "bgr8", 15, bgr).Encode());
            writer.WriteMessage(2, 100, 100, 0, new CompressedImageMessage(100, "cam", "png", Png(image)).Encode());
            writer.WriteMessage(3, 100, 100, 0, new TruthBoxesMessage(Truth(1), Names).Encode());
        }

        foreach (var topic in new[] { "/ros", "/png" })
        {
            using var reader = new McapClipReader(_path, topic, "/truth", Classes);
            var frame = Assert.Single(reader.ReadFrames());
            var rgb = frame.Image.Format == PixelFormat.Bgr8 ? Swap(frame.Image.Pixels.ToArray()) : frame.Image.Pixels.ToArray();
            Assert.Equal(image.Pixels.ToArray(), rgb);
            Assert.Null(frame.Lidar);
            Assert.Equal(Truth(1), frame.Truth);
        }
    }

    [Fact]
    public void Rejects_camera_frame_without_truth_naming_time_and_topics()
    {
        using (var writer = McapClipWriter.Create(_path, "/cam", "/truth", Names))
        {
            writer.WriteFrame(Ms(1), Image(2, 2, 1), Truth(0));
            writer.Writer.WriteMessage(1, (ulong)Ms(2), (ulong)Ms(2), 9, new RawImageMessage(Ms(2), "cam", 2, 2, "rgb8", 6, new byte[12]).Encode());
            writer.WriteFrame(Ms(3), Image(2, 2, 1), Truth(0));
        }

        using var reader = new McapClipReader(_path, "/cam", "/truth", Classes);

        var error = Assert.Throws<ClipFormatException>(() => reader.ReadFrames().ToList());
        Assert.Equal($"{_path}: the camera frame at log time {Ms(2)} on '/cam' has no truth message on '/truth' at the same log time", error.Message);
    }

    [Fact]
    public void Rejects_unknown_topic_listing_the_topics()
    {
        using (var writer = McapClipWriter.Create(_path, "/cam", "/truth", Names))
        {
            writer.WriteFrame(1, Image(2, 2, 1), Truth(0));
        }

        var error = Assert.Throws<ClipFormatException>(() => new McapClipReader(_path, "/camera", "/truth", Classes));

        Assert.Equal($"{_path}: no channel has topic '/camera' (topics: /cam, /truth)", error.Message);
    }

    [Fact]
    public void Truth_maps_by_name_whatever_order_the_clip_and_the_scenario_list_classes_in()
    {
        using (var writer = McapClipWriter.Create(_path, "/cam", "/truth", ["cyclist", "car"]))
        {
            writer.WriteFrame(1, Image(2, 2, 1), [new TruthBox(0, 0, 0, 1, 1), new TruthBox(1, 2, 2, 1, 1), new TruthBox(-1, 3, 3, 1, 1, Ignore: true)]);
        }

        using var reader = new McapClipReader(_path, "/cam", "/truth", ClassMap.Identity(["pedestrian", "car", "cyclist"]));

        var truth = Assert.Single(reader.ReadFrames()).Truth;
        Assert.Equal([new TruthBox(2, 0, 0, 1, 1), new TruthBox(1, 2, 2, 1, 1), new TruthBox(ClassMap.IgnoreRegion, 3, 3, 1, 1, Ignore: true)], truth);
    }

    /// <summary>Changed behaviour: the replay stopped at the first message with an unknown label, naming only that message's.</summary>
    [Fact]
    public void Rejects_truth_labels_the_scenario_does_not_name_listing_every_one_of_the_clip()
    {
        using (var writer = McapClipWriter.Create(_path, "/cam", "/truth", ["car", "tram", "bus"]))
        {
            writer.WriteFrame(1, Image(2, 2, 1), [new TruthBox(0, 0, 0, 1, 1), new TruthBox(1, 0, 0, 1, 1)]);
            writer.WriteFrame(2, Image(2, 2, 1), [new TruthBox(2, 0, 0, 1, 1)]);
        }

        using var reader = new McapClipReader(_path, "/cam", "/truth", Classes);

        var error = Assert.Throws<ClipFormatException>(() => reader.ReadFrames().ToList());
        Assert.Equal(
            $"{_path}: on '/truth': truth labels 'bus', 'tram' map to no class (evaluation classes: 'car', 'pedestrian', 'cyclist'); name them in the scenario's model.class_map or model.ignore, or evaluate the class_map's classes alone (model.evaluate: mapped)",
            error.Message);
    }

    [Fact]
    public void Under_evaluate_mapped_boxes_of_a_label_no_class_map_key_reaches_are_left_out()
    {
        using (var writer = McapClipWriter.Create(_path, "/cam", "/truth", ["car", "tram", "person"]))
        {
            writer.WriteFrame(1, Image(2, 2, 1), [new TruthBox(1, 0, 0, 1, 1), new TruthBox(0, 2, 2, 1, 1), new TruthBox(-1, 3, 3, 1, 1, Ignore: true), new TruthBox(2, 4, 4, 1, 1)]);
        }

        var classes = ClassMap.Create(["person", "car"], [KeyValuePair.Create("car", (IReadOnlyList<string>)["car"])], [], ClassEvaluation.Mapped);
        using var reader = new McapClipReader(_path, "/cam", "/truth", classes);

        var truth = Assert.Single(reader.ReadFrames()).Truth;
        Assert.Equal([new TruthBox(0, 2, 2, 1, 1), new TruthBox(ClassMap.IgnoreRegion, 3, 3, 1, 1, Ignore: true)], truth);
        Assert.Equal([("person", 1L), ("tram", 1L)], reader.LeftOutLabels.Select(l => (l.Key, l.Value)));
    }

    [Fact]
    public void Rejects_clip_whose_truth_has_only_positional_class_ids()
    {
        using (var writer = McapWriter.Create(_path))
        {
            writer.AddSchema(ClipSchemas.RawImage(1));
            writer.AddSchema(ClipSchemas.TruthBoxes(2));
            writer.AddChannel(new McapChannel(1, 1, "/cam", "protobuf"));
            writer.AddChannel(new McapChannel(2, 2, "/truth", "json"));
            writer.WriteMessage(1, 1, 1, 0, new RawImageMessage(1, "cam", 2, 2, "rgb8", 6, new byte[12]).Encode());
            writer.WriteMessage(2, 1, 1, 0, """{"boxes":[{"class_id":0,"x":0,"y":0,"w":1,"h":1}]}"""u8.ToArray());
        }

        using var reader = new McapClipReader(_path, "/cam", "/truth", Classes);

        var error = Assert.Throws<ClipFormatException>(() => reader.ReadFrames().ToList());
        Assert.Contains("'/truth' at log time 1: harness.TruthBoxes: box 0 has a \"class_id\" but no \"class\" name", error.Message, StringComparison.Ordinal);
        Assert.Contains("regenerate the clip", error.Message, StringComparison.Ordinal);
    }

    private static long Ms(int milliseconds) => milliseconds * 1_000_000L;

    private static CameraImage Image(int width, int height, int seed)
    {
        var pixels = new byte[width * height * 3];
        new Random(seed).NextBytes(pixels);
        return CameraImage.Packed(width, height, PixelFormat.Rgb8, pixels);
    }

    private static List<TruthBox> Truth(int i) =>
        [new TruthBox(i % 3, i, 2 * i, 10, 20, TrackId: i, RangeMeters: i + 0.5f), new TruthBox(0, 1, 1, 2, 2, Ignore: true)];

    private static byte[] Swap(byte[] bgr)
    {
        for (var p = 0; p < bgr.Length; p += 3)
        {
            (bgr[p], bgr[p + 2]) = (bgr[p + 2], bgr[p]);
        }

        return bgr;
    }

    private static byte[] Png(CameraImage image)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var span = image.Pixels.Span;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var p = (y * image.Stride) + (x * 3);
                bitmap.SetPixel(x, y, new SKColor(span[p], span[p + 1], span[p + 2], 255));
            }
        }

        using var encoded = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }
}
