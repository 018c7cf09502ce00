using Harness.Clips;
using Harness.Clips.Mcap;
using Harness.Scenarios;

namespace Harness.Running.ClipFormats;

/// <summary>An MCAP file with foxglove messages (the native format, and what synthetic:// clips are generated into).</summary>
internal sealed class McapClipFormat : IClipFormat
{
    public string Description => "an MCAP file with foxglove messages (.mcap)";

    public bool Recognizes(ClipProbe probe) => probe.IsMcap(out _);

    public IClipReader Open(string path, ClipSpec clip, ClassMap classes) =>
        clip.CameraInfo is null
            ? new McapClipReader(path, clip.Camera, clip.Truth, classes, clip.Lidar)
            : throw new ScenarioInputException($"clip '{path}': camera_info is read from ROS 2 bags only (remove 'camera_info')");
}
