using System.Collections.Immutable;

namespace Harness.Clips;

/// <summary>
/// The clip formats the host registered, asked in registration order: a ROS 2 bag is also MCAP or SQLite, so the
/// recordings assembly registers it before plain MCAP. Generated sources (synthetic://) become a recording before
/// they get here (see <c>Running.ClipSource</c>).
/// </summary>
internal static class ClipFormatRegistry
{
    private static ImmutableArray<IClipFormat> formats = [];

    public static IReadOnlyList<IClipFormat> Formats => formats;

    /// <summary>Adds <paramref name="format"/> after those registered before; a format of the same type registered again is ignored.</summary>
    public static void Register(IClipFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        ImmutableInterlocked.Update(ref formats, list =>
            list.Any(existing => existing.GetType() == format.GetType()) ? list : list.Add(format));
    }

    public static IClipFormat For(string path)
    {
        var probe = ClipProbe.Of(path);
        var registered = formats;
        return registered.FirstOrDefault(format => format.Recognizes(probe))
            ?? throw new ClipFormatException(registered.IsEmpty
                ? $"clip '{path}' cannot be read: no clip format is registered (the formats come with Harness.Recordings: call RecordingFormats.Register())"
                : $"clip '{path}' is not a format the harness reads; supported: {string.Join("; ", registered.Select(format => format.Description))}");
    }
}
