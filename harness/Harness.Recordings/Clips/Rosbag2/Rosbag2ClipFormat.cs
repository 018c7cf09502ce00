using Harness.Clips.Mcap;
using Harness.Scenarios;

namespace Harness.Clips.Rosbag2;

/// <summary>
/// A rosbag2 bag: its directory (holding metadata.yaml), a .db3 file (SQLite header), or an MCAP file written with
/// the "ros2" profile or lying beside a metadata.yaml.
/// </summary>
internal sealed class Rosbag2ClipFormat : IClipFormat
{
    public string Description => "a ROS 2 bag (its directory with metadata.yaml, or its .db3 / .mcap file)";

    public bool Recognizes(ClipProbe probe) =>
        probe.IsDirectory ? probe.HasBeside(Rosbag2Metadata.FileName)
        : Rosbag2SqliteStorage.HasMagic(probe.Head) || (McapHeader.TryReadProfile(probe.Head, out var profile) && (profile == "ros2" || probe.HasBeside(Rosbag2Metadata.FileName)));

    public IClipReader Open(string path, ClipSpec clip, ClassMap classes) =>
        clip.Lidar is null
            ? new Rosbag2ClipReader(path, clip.Camera, clip.Truth, classes, clip.CameraInfo)
            : throw new ClipFormatException($"clip '{path}': lidar topics are not read from ROS 2 bags (remove 'lidar')");
}
