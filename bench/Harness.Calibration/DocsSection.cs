namespace Harness.Calibration;

/// <summary>
/// The study's tables in the documentation: everything between <see cref="Begin"/> and <see cref="End"/> is replaced,
/// so re-running the study is the one way the published numbers change.
/// </summary>
internal static class DocsSection
{
    public const string Begin = "<!-- calibration:begin (written by bench/calibration.sh --docs; do not edit by hand) -->";

    public const string End = "<!-- calibration:end -->";

    /// <exception cref="InvalidOperationException">The file lacks the markers.</exception>
    public static void Replace(string path, string tables)
    {
        var text = File.ReadAllText(path);
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new InvalidOperationException($"{path} has no calibration section: add the lines '{Begin}' and '{End}' where the tables go");
        }

        File.WriteAllText(path, text[..(begin + Begin.Length)] + "\n\n" + tables.TrimEnd() + "\n\n" + text[end..]);
    }
}
