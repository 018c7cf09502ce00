using Harness.Clips;
using Harness.Scenarios;

namespace Harness.Running;

/// <summary>
/// Turns a scenario's clip source into a file (or folder) on disk, opens it as a frame stream, and hashes it: the
/// content hash is a step of its own (<see cref="Verify"/>) so a replay can compute it beside the frames it reads.
/// Generated sources (<see cref="ClipGenerators"/>) are written once into the cache as a recording, the same path real
/// recordings take.
/// </summary>
internal sealed record ClipSource(string Path, int? FrameCount)
{
    /// <summary>The clip's file or folder, generated first when the source is a generator's URI; its content is not read yet.</summary>
    /// <exception cref="ScenarioInputException">The path does not exist, or names a scheme nothing registered.</exception>
    public static ClipSource Resolve(ClipSpec clip, string cacheDirectory)
    {
        if (ClipGenerators.For(clip.Source) is { } generator)
        {
            return new ClipSource(generator.Generate(clip.Source, cacheDirectory), generator.FrameCount(clip.Source));
        }

        return Directory.Exists(clip.Source) || File.Exists(clip.Source)
            ? new ClipSource(clip.Source, null)
            : throw new ScenarioInputException($"clip '{clip.Source}' does not exist");
    }

    /// <summary>The clip's SHA-256 (a file's bytes, a folder's files with their paths), checked against the scenario's pin.</summary>
    /// <exception cref="ScenarioInputException">The scenario pins another hash.</exception>
    public string Verify(ClipSpec clip)
    {
        var sha = PinnedHash.OfClip(Path);
        PinnedHash.Verify(Path, sha, clip.Sha256, "clip");
        return sha;
    }

    /// <summary>
    /// The recording's own frame and category ids (<see cref="IClipFormat.Index"/>) of a clip a run replayed; null for
    /// generated clips and formats that name frames by topic and time.
    /// </summary>
    /// <exception cref="ScenarioInputException">The clip is gone, or changed since the run: its ids would not be the run's frames.</exception>
    public static ClipIndex? IndexOf(ClipSpec clip, string runClipSha256)
    {
        ArgumentNullException.ThrowIfNull(clip);
        if (ClipGenerators.For(clip.Source) is not null)
        {
            return null;
        }

        if (!Directory.Exists(clip.Source) && !File.Exists(clip.Source))
        {
            throw new ScenarioInputException($"clip '{clip.Source}' the run replayed does not exist any more; its frame and category ids cannot be read");
        }

        var format = ClipFormatRegistry.For(clip.Source);
        if (format.Index(clip.Source) is not { } index)
        {
            return null;
        }

        var sha = format.Hash(clip.Source);
        return sha == runClipSha256
            ? index
            : throw new ScenarioInputException($"clip '{clip.Source}' has sha256 {sha} but the run replayed {runClipSha256}; its frame and category ids may not be the run's frames");
    }

    /// <summary>Opens the clip with the format <see cref="ClipFormatRegistry"/> recognises it as, its truth labels resolved through <paramref name="classes"/>.</summary>
    public IClipReader Open(ClipSpec clip, ClassMap classes) => ClipFormatRegistry.For(Path).Open(Path, clip, classes);
}
