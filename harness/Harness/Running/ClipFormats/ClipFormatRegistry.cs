namespace Harness.Running.ClipFormats;

/// <summary>
/// The clip formats, most specific first: a ROS 2 bag is also MCAP or SQLite, so it is asked before plain MCAP.
/// synthetic:// sources are generated into MCAP before they get here (see <see cref="ClipSource"/>).
/// </summary>
internal static class ClipFormatRegistry
{
    public static IReadOnlyList<IClipFormat> Formats { get; } =
    [
        new Rosbag2ClipFormat(),
        new McapClipFormat(),
        new CocoJsonClipFormat(),
        new KittiClipFormat(),
    ];

    public static IClipFormat For(string path)
    {
        var probe = ClipProbe.Of(path);
        return Formats.FirstOrDefault(format => format.Recognizes(probe))
            ?? throw new ScenarioInputException(
                $"clip '{path}' is not a format the harness reads; supported: {string.Join("; ", Formats.Select(format => format.Description))}");
    }
}
