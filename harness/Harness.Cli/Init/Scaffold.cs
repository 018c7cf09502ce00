namespace Harness.Cli.Init;

/// <summary>One file <c>harness init</c> writes, by its path under the folder being set up.</summary>
internal sealed record ScaffoldFile(string RelativePath, string Content);

/// <summary>Writes a set of new files all or nothing: a file that already exists is never overwritten.</summary>
internal static class Scaffold
{
    /// <summary>The paths of <paramref name="relativePaths"/> that already exist under <paramref name="root"/>, as given.</summary>
    public static IReadOnlyList<string> Existing(string root, IEnumerable<string> relativePaths) =>
        [.. relativePaths.Where(path => File.Exists(Path.Combine(root, path)) || Directory.Exists(Path.Combine(root, path)))];

    /// <summary>Writes every file, with LF line endings and no byte-order mark, creating folders as needed.</summary>
    public static void Write(string root, IEnumerable<ScaffoldFile> files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(root, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream) { NewLine = "\n" };
            writer.Write(file.Content.ReplaceLineEndings("\n"));
        }
    }
}
