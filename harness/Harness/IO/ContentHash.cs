using System.Security.Cryptography;

namespace Harness.IO;

/// <summary>SHA-256 of files as lower-case hex: the pins in scenarios and the identities in baselines.</summary>
internal static class ContentHash
{
    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>A clip or model on disk: a file's bytes, or a folder as <see cref="OfDirectory"/> hashes it.</summary>
    public static string OfPath(string path) => Directory.Exists(path) ? OfDirectory(path) : OfFile(path);

    /// <summary>Every file's relative path and bytes, in ordinal path order, so a dataset folder has one identity.</summary>
    public static string OfDirectory(string directory) =>
        OfFiles(directory, Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories));

    /// <summary>
    /// The files' paths relative to <paramref name="directory"/> and their bytes, in ordinal path order (each file
    /// once): the identity of a recording whose files are named by an index rather than gathered in one folder.
    /// </summary>
    public static string OfFiles(string directory, IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var relative in files.Select(file => Path.GetRelativePath(directory, file).Replace('\\', '/')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(relative + "\n"));
            using var stream = File.OpenRead(Path.Combine(directory, relative));
            hash.AppendData(SHA256.HashData(stream));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
