namespace Harness.Running;

/// <summary>
/// A clip source that is not a path but a recipe (<c>synthetic://urban-day?seed=1</c>): the generator writes the clip
/// into the cache once, as a recording the clip formats read, so a generated clip takes the same path as a real one.
/// Registered by the host in <see cref="ClipGenerators"/>; Core itself knows no scheme.
/// </summary>
internal interface IClipGenerator
{
    /// <summary>The URI prefix this generator answers, e.g. <c>synthetic://</c>.</summary>
    string Scheme { get; }

    /// <summary>The number of frames the source describes, without generating it (shards balance by it).</summary>
    /// <exception cref="FormatException">The source is not a valid URI of this scheme; the message quotes it.</exception>
    int FrameCount(string source);

    /// <summary>The generated recording's path under <paramref name="cacheDirectory"/>, written on first use.</summary>
    /// <exception cref="FormatException">The source is not a valid URI of this scheme; the message quotes it.</exception>
    string Generate(string source, string cacheDirectory);
}
