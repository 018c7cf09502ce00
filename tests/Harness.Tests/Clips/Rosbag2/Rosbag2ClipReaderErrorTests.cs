using Harness.Clips;
using Harness.Clips.Messages;
using Harness.Clips.Rosbag2;

namespace Harness.Tests.Clips.Rosbag2;

/// <summary>Each way a bag can be wrong gives one error that names the bag and what is wrong.</summary>
public sealed class Rosbag2ClipReaderErrorTests : IDisposable
{
    private readonly TestBag bag = new();

    [Theory]
    [InlineData(Rosbag2StorageFormat.Sqlite3)]
    [InlineData(Rosbag2StorageFormat.Mcap)]
    public void Missing_topic_lists_every_topic_of_the_bag_with_its_type(Rosbag2StorageFormat storage)
    {
        bag.Write(TestBag.Frames(1), storage);

        var error = Assert.Throws<ClipFormatException>(() => new Rosbag2ClipReader(bag.Path, "/camera/rear", TestBag.Truth, TestBag.Classes));

        Assert.Equal(
            $"{bag.Path}: no camera topic '/camera/rear' (the bag has: {TestBag.Camera} (sensor_msgs/msg/Image), {TestBag.Truth} (vision_msgs/msg/Detection2DArray))",
            error.Message);
    }

    [Fact]
    public void Topic_of_the_wrong_type_names_its_type_and_the_expected_ones()
    {
        bag.Write(TestBag.Frames(1), Rosbag2StorageFormat.Sqlite3);

        var error = Assert.Throws<ClipFormatException>(() => new Rosbag2ClipReader(bag.Path, TestBag.Truth, TestBag.Truth, TestBag.Classes));

        Assert.Contains("camera topic '/perception/truth' carries vision_msgs/msg/Detection2DArray, expected sensor_msgs/msg/Image or sensor_msgs/msg/CompressedImage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truth_label_outside_the_scenario_classes_names_the_label_and_the_known_classes()
    {
        bag.Write(TestBag.Frames(1), Rosbag2StorageFormat.Mcap);
        using var reader = new Rosbag2ClipReader(bag.Path, TestBag.Camera, TestBag.Truth, ClassMap.Identity(["car", "pedestrian"]));

        var error = Assert.Throws<ClipFormatException>(() => reader.ReadFrames().ToList());

        Assert.Equal($"{bag.Path}: on '{TestBag.Truth}': truth label 'cyclist' maps to no class (evaluation classes: 'car', 'pedestrian'); name it in the scenario's model.class_map or model.ignore, or evaluate the class_map's classes alone (model.evaluate: mapped)", error.Message);
    }

    /// <summary>Changed behaviour: the replay stopped at the first unknown label, so a user learnt the missing names one run at a time.</summary>
    [Theory]
    [InlineData(Rosbag2StorageFormat.Sqlite3)]
    [InlineData(Rosbag2StorageFormat.Mcap)]
    public void Unknown_labels_of_every_message_are_named_in_one_error_at_the_clip_s_end(Rosbag2StorageFormat storage)
    {
        bag.Write(TestBag.Frames(3), storage);
        using var reader = new Rosbag2ClipReader(bag.Path, TestBag.Camera, TestBag.Truth, ClassMap.Identity(["car"]));
        var frames = 0;

        var error = Assert.Throws<ClipFormatException>(() =>
        {
            foreach (var frame in reader.ReadFrames())
            {
                Assert.All(frame.Truth, t => Assert.True(t.ClassId is 0 or ClassMap.IgnoreRegion));
                frames++;
            }
        });

        Assert.Equal(3, frames);
        Assert.Equal($"{bag.Path}: on '{TestBag.Truth}': truth labels 'cyclist', 'pedestrian' map to no class (evaluation classes: 'car'); name them in the scenario's model.class_map or model.ignore, or evaluate the class_map's classes alone (model.evaluate: mapped)", error.Message);
    }

    [Fact]
    public void Unsupported_image_encoding_is_named_with_the_supported_list()
    {
        using (var writer = new Rosbag2Writer(bag.Path, Rosbag2StorageFormat.Sqlite3))
        {
            var camera = writer.AddTopic(TestBag.Camera, Ros2ImageMessage.SchemaName, Ros2ImageMessage.SchemaText);
            writer.AddTopic(TestBag.Truth, Detection2DArrayMessage.SchemaName, Detection2DArrayMessage.SchemaText);
            writer.Write(camera, 5, Ros2ImageMessage.FromTimestamp(5, "cam", 2, 2, "16UC1", 4, new byte[8]).Encode());
        }

        using var reader = new Rosbag2ClipReader(bag.Path, TestBag.Camera, TestBag.Truth, TestBag.Classes);
        var error = Assert.Throws<ClipFormatException>(() => reader.ReadFrames().ToList());

        Assert.Equal(
            $"{bag.Path}: message on '{TestBag.Camera}' received at 5: sensor_msgs/msg/Image: image encoding '16UC1' is not supported (rgb8, bgr8, rgba8, bgra8, mono8)",
            error.Message);
    }

    [Fact]
    public void Truth_message_that_does_not_parse_names_the_topic_and_where_it_broke()
    {
        var truncated = new Detection2DArrayMessage(new Ros2Header(1, 0, "cam"), [new Detection2D([new ObjectHypothesis("car", 1)], 4, 4, 0, 2, 2, "")]).Encode()[..60];
        using (var writer = new Rosbag2Writer(bag.Path, Rosbag2StorageFormat.Mcap))
        {
            writer.AddTopic(TestBag.Camera, Ros2ImageMessage.SchemaName, Ros2ImageMessage.SchemaText);
            var truth = writer.AddTopic(TestBag.Truth, Detection2DArrayMessage.SchemaName, Detection2DArrayMessage.SchemaText);
            writer.Write(truth, 1_000_000_000, truncated);
        }

        using var reader = new Rosbag2ClipReader(bag.Path, TestBag.Camera, TestBag.Truth, TestBag.Classes);
        var error = Assert.Throws<ClipFormatException>(() => reader.ReadFrames().ToList());

        Assert.StartsWith($"{bag.Path}: message on '{TestBag.Truth}' received at 1000000000: vision_msgs/msg/Detection2DArray: truncated at byte ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Camera_frame_without_truth_of_its_stamp_is_an_error_once_truth_moves_past_it()
    {
        using (var writer = new Rosbag2Writer(bag.Path, Rosbag2StorageFormat.Sqlite3))
        {
            var camera = writer.AddTopic(TestBag.Camera, Ros2ImageMessage.SchemaName, Ros2ImageMessage.SchemaText);
            var truth = writer.AddTopic(TestBag.Truth, Detection2DArrayMessage.SchemaName, Detection2DArrayMessage.SchemaText);
            writer.Write(camera, 100, Ros2ImageMessage.FromTimestamp(100, "cam", 1, 1, "rgb8", 3, new byte[3]).Encode());
            writer.Write(camera, 200, Ros2ImageMessage.FromTimestamp(200, "cam", 1, 1, "rgb8", 3, new byte[3]).Encode());
            writer.Write(truth, 201, new Detection2DArrayMessage(new Ros2Header(0, 200, "cam"), []).Encode());
        }

        using var reader = new Rosbag2ClipReader(bag.Path, TestBag.Camera, TestBag.Truth, TestBag.Classes);
        var error = Assert.Throws<ClipFormatException>(() => reader.ReadFrames().ToList());

        Assert.Equal(
            $"{bag.Path}: the camera frame stamped 100 on '{TestBag.Camera}' has no truth message with the same header stamp on '{TestBag.Truth}'",
            error.Message);
    }

    [Fact]
    public void Truth_received_before_its_camera_frame_still_pairs_by_stamp()
    {
        using (var writer = new Rosbag2Writer(bag.Path, Rosbag2StorageFormat.Mcap))
        {
            var camera = writer.AddTopic(TestBag.Camera, Ros2ImageMessage.SchemaName, Ros2ImageMessage.SchemaText);
            var truth = writer.AddTopic(TestBag.Truth, Detection2DArrayMessage.SchemaName, Detection2DArrayMessage.SchemaText);
            writer.Write(truth, 150, Truth(100, "car").Encode());
            writer.Write(camera, 160, Ros2ImageMessage.FromTimestamp(100, "cam", 1, 1, "rgb8", 3, new byte[3]).Encode());
            writer.Write(camera, 260, Ros2ImageMessage.FromTimestamp(200, "cam", 1, 1, "rgb8", 3, new byte[3]).Encode());
            writer.Write(truth, 270, Truth(200, "cyclist").Encode());
        }

        using var reader = new Rosbag2ClipReader(bag.Path, TestBag.Camera, TestBag.Truth, TestBag.Classes);
        var frames = reader.ReadFrames().ToList();

        Assert.Equal([100L, 200L], frames.Select(f => f.TimestampNs));
        Assert.Equal([0, 2], frames.Select(f => f.Truth.Single().ClassId));
    }

    [Theory]
    [InlineData(Rosbag2ClipReader.MaxWaitingFrames, true)]
    [InlineData(Rosbag2ClipReader.MaxWaitingFrames + 1, false)]
    public void Truth_may_lag_camera_by_at_most_the_waiting_limit(int lag, bool replays)
    {
        using (var writer = new Rosbag2Writer(bag.Path, Rosbag2StorageFormat.Sqlite3))
        {
            var camera = writer.AddTopic(TestBag.Camera, Ros2ImageMessage.SchemaName, Ros2ImageMessage.SchemaText);
            var truth = writer.AddTopic(TestBag.Truth, Detection2DArrayMessage.SchemaName, Detection2DArrayMessage.SchemaText);
            for (var i = 1; i <= lag; i++)
            {
                writer.Write(camera, i, Ros2ImageMessage.FromTimestamp(i, "cam", 1, 1, "rgb8", 3, new byte[3]).Encode());
            }

            for (var i = 1; i <= lag; i++)
            {
                writer.Write(truth, lag + i, Truth(i, "car").Encode());
            }
        }

        using var reader = new Rosbag2ClipReader(bag.Path, TestBag.Camera, TestBag.Truth, TestBag.Classes);

        if (replays)
        {
            Assert.Equal(lag, reader.ReadFrames().Count());
        }
        else
        {
            var error = Assert.Throws<ClipFormatException>(() => reader.ReadFrames().ToList());
            Assert.EndsWith($"more than 64 camera frames are waiting for truth on '{TestBag.Truth}' (the first at stamp 1)", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Camera_info_of_another_size_than_the_image_is_an_error_naming_both()
    {
        var info = new Ros2CameraInfoMessage(new Ros2Header(0, 1, "cam"), 640, 480, "plumb_bob", new double[5], [500, 0, 320, 0, 500, 240, 0, 0, 1], new double[9], new double[12]);
        using (var writer = new Rosbag2Writer(bag.Path, Rosbag2StorageFormat.Sqlite3))
        {
            var camera = writer.AddTopic(TestBag.Camera, Ros2ImageMessage.SchemaName, Ros2ImageMessage.SchemaText);
            writer.AddTopic(TestBag.Truth, Detection2DArrayMessage.SchemaName, Detection2DArrayMessage.SchemaText);
            var cameraInfo = writer.AddTopic("/camera/front/camera_info", Ros2CameraInfoMessage.SchemaName, Ros2CameraInfoMessage.SchemaText);
            writer.Write(cameraInfo, 1, info.Encode());
            writer.Write(camera, 2, Ros2ImageMessage.FromTimestamp(1, "cam", 2, 1, "rgb8", 6, new byte[6]).Encode());
        }

        using var reader = new Rosbag2ClipReader(bag.Path, TestBag.Camera, TestBag.Truth, TestBag.Classes, "/camera/front/camera_info");
        var error = Assert.Throws<ClipFormatException>(() => reader.ReadFrames().ToList());

        Assert.EndsWith("the image is 2x1 but '/camera/front/camera_info' describes 640x480", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Camera_info_of_the_image_size_is_read_alongside()
    {
        var frames = TestBag.Frames(2);
        var info = new Ros2CameraInfoMessage(new Ros2Header(0, 1, "cam"), 8, 6, "plumb_bob", new double[5], [5, 0, 4, 0, 5, 3, 0, 0, 1], new double[9], new double[12]);
        using (var writer = new Rosbag2Writer(bag.Path, Rosbag2StorageFormat.Mcap))
        {
            var camera = writer.AddTopic(TestBag.Camera, Ros2ImageMessage.SchemaName, Ros2ImageMessage.SchemaText);
            var truth = writer.AddTopic(TestBag.Truth, Detection2DArrayMessage.SchemaName, Detection2DArrayMessage.SchemaText);
            var cameraInfo = writer.AddTopic("/info", Ros2CameraInfoMessage.SchemaName, Ros2CameraInfoMessage.SchemaText);
            foreach (var frame in frames)
            {
                writer.Write(cameraInfo, frame.TimestampNs, info.Encode());
                writer.Write(camera, frame.TimestampNs, Ros2ImageMessage.FromTimestamp(frame.TimestampNs, "cam", 8, 6, "rgb8", 24, frame.Image.Pixels).Encode());
                writer.Write(truth, frame.TimestampNs, Truth(frame.TimestampNs, "car").Encode());
            }
        }

        using var reader = new Rosbag2ClipReader(bag.Path, TestBag.Camera, TestBag.Truth, TestBag.Classes, "/info");

        Assert.Equal(2, reader.ReadFrames().Count());
    }

    [Theory]
    [InlineData("cdr_test_0.db3")]
    [InlineData("cdr_test_0.mcap")]
    public void Corrupt_bag_file_is_an_error_naming_the_file(string name)
    {
        var fixture = Path.Combine(Harness.Testing.RepositoryPaths.Fixtures, "rosbag2", name.EndsWith(".db3", StringComparison.Ordinal) ? "sqlite3" : "mcap", "cdr_test", name);
        Directory.CreateDirectory(bag.Path);
        var corrupt = Path.Combine(bag.Path, name);
        var bytes = File.ReadAllBytes(fixture);
        File.WriteAllBytes(corrupt, bytes[..(bytes.Length / 3)]);

        var error = Assert.ThrowsAny<Exception>(() =>
        {
            using var opened = Rosbag2Bag.Open(corrupt);
            opened.ReadMessages(opened.Topics.Select(t => t.Name).ToHashSet(StringComparer.Ordinal)).ToList();
        });

        Assert.IsType<ClipFormatException>(error);
        Assert.Contains(corrupt, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bag_directory_without_metadata_yaml_says_so()
    {
        Directory.CreateDirectory(bag.Path);

        var error = Assert.Throws<ClipFormatException>(() => Rosbag2Bag.Open(bag.Path));

        Assert.Equal($"{bag.Path}: not a rosbag2 bag directory (no metadata.yaml)", error.Message);
    }

    public void Dispose() => bag.Dispose();

    private static Detection2DArrayMessage Truth(long stampNs, string label) =>
        new(Ros2Header.FromTimestamp(stampNs, "cam"), [new Detection2D([new ObjectHypothesis(label, 0.9)], 0.5, 0.5, 0, 1, 1, "")]);
}
