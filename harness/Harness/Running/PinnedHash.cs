using Harness.Clips;
using Harness.IO;

namespace Harness.Running;

/// <summary>
/// The SHA-256 a scenario pins for a source, computed as a run computes it: a file's bytes, a dataset or bag
/// folder's files with their paths, a COCO file with the images it names. <c>harness init</c> pins new scenarios with it.
/// </summary>
public static class PinnedHash
{
    /// <summary>Of a clip: every byte its format's reader reads (a COCO file's JSON and images, a folder's files).</summary>
    /// <exception cref="IOException">The clip cannot be read.</exception>
    /// <exception cref="HarnessInputException">The clip is not a format the harness reads, or names a file that does not exist.</exception>
    public static string OfClip(string path) => ClipFormatRegistry.For(path).Hash(path);

    /// <summary>Of a model built in memory (a <c>reference://</c> model is pinned by the bytes it writes).</summary>
    public static string OfBytes(ReadOnlySpan<byte> bytes) => ContentHash.Of(bytes);

    /// <summary>Fails closed: a pinned input that changed is an error, never a silent re-baseline.</summary>
    internal static void Verify(string path, string actual, string? pinned, string what)
    {
        if (pinned is not null && !string.Equals(pinned, actual, StringComparison.Ordinal))
        {
            throw new ScenarioInputException($"{what} '{path}' has sha256 {actual} but the scenario pins {pinned}; if the change is intended, update the pin");
        }
    }
}
