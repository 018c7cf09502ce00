using Harness.Clips;
using Harness.Clips.Mcap;
using Harness.Clips.Synthetic;
using Harness.Running.ClipFormats;
using Harness.Scenarios;

namespace Harness.Running;

/// <summary>
/// Turns a scenario's clip source into a file (or folder) on disk, opens it as a frame stream, and hashes it: the
/// content hash is a step of its own (<see cref="Verify"/>) so a replay can compute it beside the frames it reads.
/// Synthetic clips are generated once into the cache as MCAP (the same path real recordings take), keyed by the
/// generator build so a generator change produces a new file and a visible hash change rather than a stale cache hit.
/// </summary>
internal sealed record ClipSource(string Path, int? FrameCount)
{
    public const string SyntheticCameraTopic = ClipSpec.DefaultCameraTopic;
    public const string SyntheticTruthTopic = ClipSpec.DefaultTruthTopic;
    public const string SyntheticLidarTopic = "/lidar/top";

    /// <summary>The clip's file or folder, generated first when synthetic; its content is not read yet.</summary>
    /// <exception cref="ScenarioInputException">The path does not exist.</exception>
    public static ClipSource Resolve(ClipSpec clip, string cacheDirectory)
    {
        if (clip.Source.StartsWith(SyntheticSceneOptions.UriScheme, StringComparison.Ordinal))
        {
            var options = SyntheticSceneOptions.Parse(clip.Source);
            return new ClipSource(Generate(options, cacheDirectory), options.Frames);
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
        ContentHash.Verify(Path, sha, clip.Sha256, "clip");
        return sha;
    }

    /// <summary>
    /// The recording's own frame and category ids (<see cref="IClipFormat.Index"/>) of a clip a run replayed; null for
    /// synthetic clips and formats that name frames by topic and time.
    /// </summary>
    /// <exception cref="ScenarioInputException">The clip is gone, or changed since the run: its ids would not be the run's frames.</exception>
    public static ClipIndex? IndexOf(ClipSpec clip, string runClipSha256)
    {
        ArgumentNullException.ThrowIfNull(clip);
        if (clip.Source.StartsWith(SyntheticSceneOptions.UriScheme, StringComparison.Ordinal))
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

    /// <summary>Generates the clip once per generator build (once, too, when scenarios sharing it run at the same time); later runs find it in the cache.</summary>
    internal static string Generate(SyntheticSceneOptions options, string cacheDirectory)
    {
        var directory = System.IO.Path.Combine(cacheDirectory, "clips");
        var name = $"{options.Scene}-seed{options.Seed}-{options.Frames}f-{options.Width}x{options.Height}-{options.FrameRateHz}hz-{GeneratorBuild}.mcap";
        return CachedFile.Ensure(System.IO.Path.Combine(directory, name), File.Exists, temporary =>
        {
            using var reader = new SyntheticClipReader(options);
            using var writer = McapClipWriter.Create(temporary, SyntheticCameraTopic, SyntheticTruthTopic, reader.Classes.EvaluationClasses, SyntheticLidarTopic);
            foreach (var frame in reader.ReadFrames())
            {
                writer.WriteFrame(frame.TimestampNs, frame.Image, frame.Truth);
                if (frame.Lidar is not null)
                {
                    writer.WriteLidar(frame.TimestampNs, frame.Lidar);
                }
            }
        });
    }

    private static string GeneratorBuild { get; } =
        typeof(SyntheticClipReader).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];
}
