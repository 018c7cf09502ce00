namespace Harness.Clips;

/// <summary>
/// What a clip path looks like to the format registry: a directory and the entries it holds, or a file's extension
/// and first bytes (enough for the MCAP header's profile, the SQLite header or the opening of a JSON document).
/// </summary>
internal sealed class ClipProbe
{
    private const int HeadLength = 512;

    private readonly byte[] _head;

    private ClipProbe(string path, bool isDirectory, byte[] head)
    {
        Path = path;
        IsDirectory = isDirectory;
        _head = head;
    }

    public string Path { get; }

    public bool IsDirectory { get; }

    public ReadOnlySpan<byte> Head => _head;

    public static ClipProbe Of(string path)
    {
        if (Directory.Exists(path))
        {
            return new ClipProbe(path, true, []);
        }

        if (!File.Exists(path))
        {
            throw new ClipFormatException($"clip '{path}' does not exist");
        }

        var head = new byte[HeadLength];
        using var file = File.OpenRead(path);
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return new ClipProbe(path, false, head[..read]);
    }

    public bool HasExtension(string extension) =>
        !IsDirectory && Path.EndsWith(extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>For a directory: whether it holds this file; for a file: whether its own folder does.</summary>
    public bool HasBeside(string fileName) => File.Exists(System.IO.Path.Combine(IsDirectory ? Path : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!, fileName));

    public bool HasSubdirectory(string name) => IsDirectory && Directory.Exists(System.IO.Path.Combine(Path, name));
}
