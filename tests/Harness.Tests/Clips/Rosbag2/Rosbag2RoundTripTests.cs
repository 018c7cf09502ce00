using Harness.Clips.Mcap;
using Harness.Clips.Messages;
using Harness.Clips.Rosbag2;
using Microsoft.Data.Sqlite;

namespace Harness.Tests.Clips.Rosbag2;

/// <summary>Bags the harness writes, in both storage formats, read back as the same frames; and laid out as rosbag2 lays them out.</summary>
public sealed class Rosbag2RoundTripTests : IDisposable
{
    private readonly TestBag bag = new();

    public static TheoryData<Rosbag2StorageFormat, PixelFormat> RawCases => new()
    {
        { Rosbag2StorageFormat.Sqlite3, PixelFormat.Rgb8 },
        { Rosbag2StorageFormat.Sqlite3, PixelFormat.Bgr8 },
        { Rosbag2StorageFormat.Mcap, PixelFormat.Rgb8 },
        { Rosbag2StorageFormat.Mcap, PixelFormat.Bgr8 },
    };

    public static TheoryData<Rosbag2StorageFormat> Storages => new() { Rosbag2StorageFormat.Sqlite3, Rosbag2StorageFormat.Mcap };

    [Theory]
    [MemberData(nameof(RawCases))]
    public void Raw_image_bag_replays_the_same_frames_pixels_truth_and_stamps(Rosbag2StorageFormat storage, PixelFormat format)
    {
        var frames = TestBag.Frames(5, format);
        bag.Write(frames, storage);

        var read = ReadAll(bag.Path);

        AssertSameFrames(frames, read);
        Assert.All(read, f => Assert.Equal(format, f.Image.Format));
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public void Compressed_png_bag_replays_the_same_pixels(Rosbag2StorageFormat storage)
    {
        var frames = TestBag.Frames(3);
        bag.Write(frames, storage, Rosbag2CameraMessage.CompressedImage);

        AssertSameFrames(frames, ReadAll(bag.Path));
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public void Bag_named_by_its_storage_file_replays_the_same(Rosbag2StorageFormat storage)
    {
        var frames = TestBag.Frames(4);
        bag.Write(frames, storage);

        AssertSameFrames(frames, ReadAll(bag.StorageFile));
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public void Written_metadata_yaml_counts_every_message_and_the_time_range(Rosbag2StorageFormat storage)
    {
        bag.Write(TestBag.Frames(6), storage);

        var metadata = Rosbag2Metadata.Read(Path.Combine(bag.Path, Rosbag2Metadata.FileName));

        Assert.Equal(storage == Rosbag2StorageFormat.Mcap ? "mcap" : "sqlite3", metadata.StorageIdentifier);
        Assert.Equal(12, metadata.MessageCount);
        Assert.Equal(TestBag.FirstStampNs, metadata.StartingTimeNs);
        Assert.Equal(5 * TestBag.PeriodNs, metadata.DurationNs);
        Assert.Equal([Path.GetFileName(bag.StorageFile)], metadata.RelativeFilePaths);
        Assert.Equal(
            [(TestBag.Camera, "sensor_msgs/msg/Image", 6L), (TestBag.Truth, "vision_msgs/msg/Detection2DArray", 6L)],
            metadata.Topics.Select(t => (t.Topic.Name, t.Topic.Type, t.MessageCount)));
    }

    [Fact]
    public void Sqlite_bag_has_the_tables_and_rows_rosbag2_reads()
    {
        bag.Write(TestBag.Frames(2), Rosbag2StorageFormat.Sqlite3);
        Assert.EndsWith("recording_0.db3", bag.StorageFile, StringComparison.Ordinal);

        using var connection = new SqliteConnection($"Data Source={bag.StorageFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT t.name, t.type, t.serialization_format, m.timestamp, length(m.data) > 4 FROM messages m JOIN topics t ON t.id = m.topic_id ORDER BY m.timestamp, m.id";
        using var rows = query.ExecuteReader();
        var seen = new List<(string, string, string, long)>();
        while (rows.Read())
        {
            Assert.True(rows.GetBoolean(4));
            seen.Add((rows.GetString(0), rows.GetString(1), rows.GetString(2), rows.GetInt64(3)));
        }

        Assert.Equal(
            [
                (TestBag.Camera, "sensor_msgs/msg/Image", "cdr", TestBag.FirstStampNs),
                (TestBag.Truth, "vision_msgs/msg/Detection2DArray", "cdr", TestBag.FirstStampNs),
                (TestBag.Camera, "sensor_msgs/msg/Image", "cdr", TestBag.FirstStampNs + TestBag.PeriodNs),
                (TestBag.Truth, "vision_msgs/msg/Detection2DArray", "cdr", TestBag.FirstStampNs + TestBag.PeriodNs),
            ],
            seen);
    }

    [Fact]
    public void Mcap_bag_has_the_ros2_profile_ros2msg_schemas_and_cdr_channels()
    {
        bag.Write(TestBag.Frames(2), Rosbag2StorageFormat.Mcap, Rosbag2CameraMessage.CompressedImage);

        using var reader = McapReader.Open(bag.StorageFile);

        Assert.Equal("ros2", reader.Header.Profile);
        Assert.Equal(
            [(TestBag.Camera, "sensor_msgs/msg/CompressedImage"), (TestBag.Truth, "vision_msgs/msg/Detection2DArray")],
            reader.Channels.Values.OrderBy(c => c.Id).Select(c => (c.Topic, reader.Schemas[c.SchemaId].Name)));
        Assert.All(reader.Channels.Values, c => Assert.Equal("cdr", c.MessageEncoding));
        Assert.All(reader.Schemas.Values, s => Assert.Equal("ros2msg", s.Encoding));
        var detectionSchema = System.Text.Encoding.UTF8.GetString(reader.Schemas.Values.Single(s => s.Name == "vision_msgs/msg/Detection2DArray").Data.Span);
        Assert.StartsWith("std_msgs/Header header\nvision_msgs/Detection2D[] detections\n", detectionSchema, StringComparison.Ordinal);
        Assert.Contains("\nMSG: vision_msgs/BoundingBox2D\nvision_msgs/Pose2D center\nfloat64 size_x\nfloat64 size_y\n", detectionSchema, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_evaluate_mapped_detections_whose_label_no_class_map_key_reaches_are_left_out()
    {
        var frames = TestBag.Frames(1);
        bag.Write(frames, Rosbag2StorageFormat.Mcap);
        var classes = ClassMap.Create(["car", "pedestrian", "cyclist"], [KeyValuePair.Create("car", (IReadOnlyList<string>)["car"])], [], ClassEvaluation.Mapped);

        using var reader = new Rosbag2ClipReader(bag.Path, TestBag.Camera, TestBag.Truth, classes);
        var truth = Assert.Single(reader.ReadFrames()).Truth;

        // The car and the ignore region; the cyclist is gone.
        Assert.Equal([frames[0].Truth[0], frames[0].Truth[2]], truth);
        Assert.Equal([("cyclist", 1L)], reader.LeftOutLabels.Select(l => (l.Key, l.Value)));
    }

    /// <summary>vision_msgs' <c>Detection2D.id</c> is a string: an integer is the track id, anything else (empty, a UUID) is no track.</summary>
    [Fact]
    public void Detection_id_is_the_track_id_when_it_is_an_integer()
    {
        using (var writer = new Rosbag2Writer(bag.Path, Rosbag2StorageFormat.Mcap))
        {
            var camera = writer.AddTopic(TestBag.Camera, Ros2ImageMessage.SchemaName, Ros2ImageMessage.SchemaText);
            var truth = writer.AddTopic(TestBag.Truth, Detection2DArrayMessage.SchemaName, Detection2DArrayMessage.SchemaText);
            writer.Write(camera, 100, Ros2ImageMessage.FromTimestamp(100, "cam", 1, 1, "rgb8", 3, new byte[3]).Encode());
            writer.Write(truth, 100, new Detection2DArrayMessage(Ros2Header.FromTimestamp(100, "cam"),
                [.. new[] { "42", "", "7f3c-uuid", "-1" }.Select(id => new Detection2D([new ObjectHypothesis("car", 0.9)], 0.5, 0.5, 0, 1, 1, id))]).Encode());
        }

        using var reader = new Rosbag2ClipReader(bag.Path, TestBag.Camera, TestBag.Truth, TestBag.Classes);

        Assert.Equal([42, -1, -1, -1], Assert.Single(reader.ReadFrames()).Truth.Select(t => t.TrackId));
    }

    public void Dispose() => bag.Dispose();

    private static List<Frame> ReadAll(string path)
    {
        using var reader = new Rosbag2ClipReader(path, TestBag.Camera, TestBag.Truth, TestBag.Classes);
        return [.. reader.ReadFrames()];
    }

    private static void AssertSameFrames(List<Frame> written, List<Frame> read)
    {
        Assert.Equal(written.Count, read.Count);
        for (var i = 0; i < written.Count; i++)
        {
            Assert.Equal(i, read[i].Index);
            Assert.Equal(written[i].TimestampNs, read[i].TimestampNs);
            Assert.Equal((written[i].Image.Width, written[i].Image.Height), (read[i].Image.Width, read[i].Image.Height));
            Assert.Equal(Packed(written[i].Image), Packed(read[i].Image));
            Assert.Equal(written[i].Truth, read[i].Truth);
        }
    }

    /// <summary>The pixels as RGB rows without padding, whatever order and stride the image has.</summary>
    private static byte[] Packed(CameraImage image)
    {
        var rgb = new byte[image.Width * image.Height * 3];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var source = image.Pixels.Span.Slice((y * image.Stride) + (x * 3), 3);
                var target = rgb.AsSpan(((y * image.Width) + x) * 3, 3);
                (target[0], target[1], target[2]) = image.Format == PixelFormat.Rgb8 ? (source[0], source[1], source[2]) : (source[2], source[1], source[0]);
            }
        }

        return rgb;
    }
}
