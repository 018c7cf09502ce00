using Harness.Scenarios;

namespace Harness.Clips.Mcap;

/// <summary>An MCAP file with foxglove messages (the native format, and what synthetic:// clips are generated into).</summary>
internal sealed class McapClipFormat : IClipFormat
{
    public string Description => "an MCAP file with foxglove messages (.mcap)";

    public bool Recognizes(ClipProbe probe) => McapHeader.TryReadProfile(probe.Head, out _);

    public IClipReader Open(string path, ClipSpec clip, ClassMap classes) =>
        clip.CameraInfo is null
            ? new McapClipReader(path, clip.Camera, clip.Truth, classes, clip.Lidar)
            : throw new ClipFormatException($"clip '{path}': camera_info is read from ROS 2 bags only (remove 'camera_info')");
}
