using Harness.Clips;
using Harness.Clips.Mcap;
using Harness.Clips.Synthetic;
using Harness.Running.ClipFormats;
using Harness.Scenarios;

namespace Harness.Running;

/// <summary>
/// Turns a scenario's clip source into a file on disk with a content hash, and opens it as a frame stream.
/// Synthetic clips are generated once into the cache as MCAP (the same path real recordings take), keyed by the
/// generator build so a generator change produces a new file and a visible hash change rather than a stale cache hit.
/// </summary>
internal sealed record ClipSource(string Path, string Sha256, int? FrameCount)
{
    public const string SyntheticCameraTopic = "/camera/front";
    public const string SyntheticTruthTopic = "/truth/front";
    public const string SyntheticLidarTopic = "/lidar/top";

    public static ClipSource Resolve(ClipSpec clip, string cacheDirectory)
    {
        if (clip.Source.StartsWith(SyntheticSceneOptions.UriScheme, StringComparison.Ordinal))
        {
            var options = SyntheticSceneOptions.Parse(clip.Source);
            var path = Generate(options, cacheDirectory);
            return Verified(path, ContentHash.OfFile(path), clip, options.Frames);
        }

        if (Directory.Exists(clip.Source))
        {
            return Verified(clip.Source, ContentHash.OfDirectory(clip.Source), clip, null);
        }

        if (!File.Exists(clip.Source))
        {
            throw new ScenarioInputException($"clip '{clip.Source}' does not exist");
        }

        return Verified(clip.Source, ContentHash.OfFile(clip.Source), clip, null);
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

    private static ClipSource Verified(string path, string sha, ClipSpec clip, int? frames)
    {
        ContentHash.Verify(path, sha, clip.Sha256, "clip");
        return new ClipSource(path, sha, frames);
    }
}
