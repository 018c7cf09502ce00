using Harness.Clips;
using Harness.Clips.CocoFolder;
using Harness.Clips.Kitti;
using Harness.Clips.Mcap;
using Harness.Clips.Rosbag2;
using Harness.Running;
using Harness.Scenarios;
using Harness.TestKit;
using Harness.Testing;
using Harness.Tests.Clips.Rosbag2;

namespace Harness.Tests.Clips.Formats;

/// <summary>Each clip is opened by the format its directory shape or first bytes say it is, whatever its name.</summary>
public sealed class ClipFormatRegistryTests : IDisposable
{
    private static readonly ClassMap Classes = TestBag.Classes;

    private readonly TemporaryDirectory temp = new("clip-formats-");

    [Theory]
    [InlineData("rosbag2/sqlite3/cdr_test")]
    [InlineData("rosbag2/sqlite3/cdr_test/cdr_test_0.db3")]
    [InlineData("rosbag2/mcap/cdr_test")]
    [InlineData("rosbag2/mcap/cdr_test/cdr_test_0.mcap")]
    public void Bags_written_by_ros2_are_recognised_by_directory_and_by_file(string fixture)
    {
        Assert.IsType<Rosbag2ClipFormat>(ClipFormatRegistry.For(Path.Combine(RepositoryPaths.Fixtures, fixture)));
    }

    [Fact]
    public void Ros2_profile_mcap_renamed_without_extension_or_metadata_is_still_a_bag()
    {
        var renamed = temp.Combine("recording");
        File.Copy(Path.Combine(RepositoryPaths.Fixtures, "rosbag2/mcap/cdr_test/cdr_test_0.mcap"), renamed);

        Assert.IsType<Rosbag2ClipFormat>(ClipFormatRegistry.For(renamed));
    }

    [Fact]
    public void Foxglove_mcap_is_recognised_by_its_magic_not_its_name()
    {
        var path = temp.Combine("clip.bin");
        using (var writer = McapClipWriter.Create(path, "/camera/front", "/truth/front", Classes.EvaluationClasses))
        {
            writer.WriteFrame(1, CameraImage.Packed(1, 1, PixelFormat.Rgb8, new byte[3]), []);
        }

        var format = ClipFormatRegistry.For(path);

        Assert.IsType<McapClipFormat>(format);
        using var reader = format.Open(path, Spec(path), Classes);
        Assert.IsType<McapClipReader>(reader);
        Assert.Single(reader.ReadFrames());
    }

    [Fact]
    public void Coco_json_is_recognised_by_extension_or_by_an_opening_brace()
    {
        var json = temp.Combine("instances.json");
        var noExtension = temp.Combine("instances");
        File.WriteAllText(json, "{\"images\": [], \"annotations\": [], \"categories\": []}");
        File.WriteAllText(noExtension, "\uFEFF \n {\"images\": [], \"annotations\": [], \"categories\": []}");

        Assert.IsType<CocoJsonClipFormat>(ClipFormatRegistry.For(json));
        Assert.IsType<CocoJsonClipFormat>(ClipFormatRegistry.For(noExtension));
        using var reader = ClipFormatRegistry.For(json).Open(json, Spec(json), Classes);
        Assert.IsType<CocoFolderClipReader>(reader);
    }

    [Fact]
    public void Kitti_needs_both_image_2_and_label_2()
    {
        var kitti = temp.Combine("kitti");
        Directory.CreateDirectory(Path.Combine(kitti, "image_2"));
        Directory.CreateDirectory(Path.Combine(kitti, "label_2"));
        var halfKitti = temp.Combine("half");
        Directory.CreateDirectory(Path.Combine(halfKitti, "image_2"));

        Assert.IsType<KittiClipFormat>(ClipFormatRegistry.For(kitti));
        using (var reader = ClipFormatRegistry.For(kitti).Open(kitti, Spec(kitti), Classes))
        {
            Assert.IsType<KittiClipReader>(reader);
        }

        var error = Assert.Throws<ClipFormatException>(() => ClipFormatRegistry.For(halfKitti));
        Assert.Equal(
            $"clip '{halfKitti}' is not a format the harness reads; supported: "
            + "a ROS 2 bag (its directory with metadata.yaml, or its .db3 / .mcap file); an MCAP file with foxglove messages (.mcap); "
            + "a COCO instances .json beside its images (or an images/ folder); a KITTI object directory (image_2/ and label_2/, optional velodyne/); "
            + "a KITTI tracking sequence (image_02/<sequence>/ with label_02/<sequence>.txt, optional velodyne/<sequence>/)",
            error.Message);
    }

    [Fact]
    public void File_of_no_known_format_lists_the_supported_ones()
    {
        var path = temp.Combine("clip.avi");
        File.WriteAllBytes(path, [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0]);

        var error = Assert.Throws<ClipFormatException>(() => ClipFormatRegistry.For(path));

        Assert.StartsWith($"clip '{path}' is not a format the harness reads; supported: a ROS 2 bag", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clip_source_opens_a_written_bag_through_the_registry()
    {
        using var bag = new TestBag();
        bag.Write(TestBag.Frames(2), Rosbag2StorageFormat.Sqlite3);
        var spec = new ClipSpec(bag.Path, null, TestBag.Camera, TestBag.Truth, null);

        var source = ClipSource.Resolve(spec, temp.Path);
        using var reader = source.Open(spec, Classes);

        Assert.IsType<Rosbag2ClipReader>(reader);
        Assert.Equal(2, reader.ReadFrames().Count());
    }

    [Fact]
    public void Bag_with_a_lidar_topic_asked_for_is_an_error_rather_than_a_silent_drop()
    {
        using var bag = new TestBag();
        bag.Write(TestBag.Frames(1), Rosbag2StorageFormat.Mcap);

        var error = Assert.Throws<ClipFormatException>(
            () => ClipFormatRegistry.For(bag.Path).Open(bag.Path, new ClipSpec(bag.Path, null, TestBag.Camera, TestBag.Truth, "/lidar"), Classes));

        Assert.Equal($"clip '{bag.Path}': lidar topics are not read from ROS 2 bags (remove 'lidar')", error.Message);
    }

    public void Dispose() => temp.Dispose();

    private static ClipSpec Spec(string path) => new(path, null, "/camera/front", "/truth/front", null);
}
