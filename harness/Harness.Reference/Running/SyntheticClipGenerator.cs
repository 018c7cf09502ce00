using Harness.Clips.Mcap;
using Harness.Clips.Synthetic;
using Harness.Scenarios;

namespace Harness.Running;

/// <summary>
/// <c>synthetic://</c> sources: the scene is rendered once into the cache as MCAP (the path real recordings take),
/// keyed by the generator build so a generator change produces a new file and a visible hash change rather than a
/// stale cache hit.
/// </summary>
internal sealed class SyntheticClipGenerator : IClipGenerator
{
    public const string CameraTopic = ClipSpec.DefaultCameraTopic;
    public const string TruthTopic = ClipSpec.DefaultTruthTopic;
    public const string LidarTopic = "/lidar/top";

    public string Scheme => SyntheticSceneOptions.UriScheme;

    public int FrameCount(string source) => SyntheticSceneOptions.Parse(source).Frames;

    public string Generate(string source, string cacheDirectory) => Generate(SyntheticSceneOptions.Parse(source), cacheDirectory);

    /// <summary>Generates the clip once per generator build (once, too, when scenarios sharing it run at the same time); later runs find it in the cache.</summary>
    internal static string Generate(SyntheticSceneOptions options, string cacheDirectory)
    {
        var directory = Path.Combine(cacheDirectory, "clips");
        var name = $"{options.Scene}-seed{options.Seed}-{options.Frames}f-{options.Width}x{options.Height}-{options.FrameRateHz}hz-{GeneratorBuild}.mcap";
        return CachedFile.Ensure(Path.Combine(directory, name), File.Exists, temporary =>
        {
            using var reader = new SyntheticClipReader(options);
            using var writer = McapClipWriter.Create(temporary, CameraTopic, TruthTopic, reader.Classes.EvaluationClasses, LidarTopic);
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
