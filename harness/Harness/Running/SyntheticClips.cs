using Harness.Clips.Synthetic;

namespace Harness.Running;

/// <summary>Generates a synthetic clip into the cache exactly as a scenario run does, so its hash can be pinned.</summary>
public static class SyntheticClips
{
    /// <summary>Writes (or finds) the clip for <paramref name="uri"/> under <paramref name="cacheDirectory"/>.</summary>
    /// <exception cref="FormatException">The URI is not a valid <c>synthetic://</c> source; the message quotes it.</exception>
    public static (string Path, string Sha256) Generate(string uri, string cacheDirectory)
    {
        var path = ClipSource.Generate(SyntheticSceneOptions.Parse(uri), cacheDirectory);
        return (path, ContentHash.OfFile(path));
    }
}
