using Harness.Clips;
using Harness.Clips.CocoFolder;
using Harness.Clips.Kitti;
using Harness.Clips.Mcap;
using Harness.Clips.Rosbag2;

namespace Harness;

/// <summary>
/// Plugs this assembly's clip formats into Core. The harness tool and Harness.Testing call it; a program of your own
/// that replays recordings calls it once at start.
/// </summary>
public static class RecordingFormats
{
    /// <summary>Registers the formats, most specific first (a ROS 2 bag is also MCAP or SQLite); calling it again does nothing.</summary>
    public static void Register()
    {
        ClipFormatRegistry.Register(new Rosbag2ClipFormat());
        ClipFormatRegistry.Register(new McapClipFormat());
        ClipFormatRegistry.Register(new CocoJsonClipFormat());
        ClipFormatRegistry.Register(new KittiClipFormat());
        ClipFormatRegistry.Register(new KittiTrackingClipFormat());
    }
}
