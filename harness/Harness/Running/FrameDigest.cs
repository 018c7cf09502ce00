namespace Harness.Running;

/// <summary>
/// One frame's detections in short: the first 8 hex digits of their digest and how many there were. Stored per
/// frame in baselines so a later run can tell which frames changed, and by how much.
/// </summary>
public readonly record struct FrameDigest(string Hash, int Detections)
{
    public override string ToString() => $"{Hash} {Detections}";

    /// <summary>Reads the <c>"hash count"</c> form written by <see cref="ToString"/>.</summary>
    public static FrameDigest Parse(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && int.TryParse(text.AsSpan(space + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
            ? new FrameDigest(text[..space], count)
            : throw new FormatException($"'{text}' is not a frame digest of the form '<hash> <detections>'");
    }
}
