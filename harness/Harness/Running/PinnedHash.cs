namespace Harness.Running;

/// <summary>
/// The SHA-256 a scenario pins for a source, computed as a run computes it: a file's bytes, a dataset or bag
/// folder's files with their paths. <c>harness init</c> pins new scenarios with it.
/// </summary>
public static class PinnedHash
{
    /// <exception cref="IOException">The file or folder cannot be read.</exception>
    public static string OfPath(string path) => Directory.Exists(path) ? ContentHash.OfDirectory(path) : ContentHash.OfFile(path);

    /// <summary>Of a model built in memory (a <c>reference://</c> model is pinned by the bytes it writes).</summary>
    public static string OfBytes(ReadOnlySpan<byte> bytes) => ContentHash.Of(bytes);
}
