using Harness.Clips.Mcap;

namespace Harness.Fuzz;

/// <summary>
/// The seed inputs: small replay clips in every shape the writer makes, each also with its CRCs cleared (a fuzzer
/// rarely repairs a CRC, so the CRC-less copies are the ones that reach the record parsers), and for the scenario
/// target the repository's scenario files and the hostile YAML fixtures. The unit tests run the targets over these
/// and their seeded mutations; <c>harness-fuzz seed</c> writes the MCAP seeds out for a long run.
/// </summary>
public static class FuzzCorpus
{
    private static readonly (string Name, McapWriterOptions Options)[] Shapes =
    [
        ("lz4", new McapWriterOptions { Compression = McapCompression.Lz4, ChunkSize = 512 }),
        ("zstd", new McapWriterOptions { Compression = McapCompression.Zstd, ChunkSize = 512 }),
        ("uncompressed", new McapWriterOptions { Compression = McapCompression.None, ChunkSize = 512 }),
        ("unchunked", new McapWriterOptions { UseChunks = false }),
        ("no-summary", new McapWriterOptions { Compression = McapCompression.None, ChunkSize = 512 }.WithoutSummary()),
    ];

    private static readonly float[] LidarPoint = [1f, 2f, 0.5f, 0.9f];

    /// <summary>Ten files of a few hundred bytes to a few KiB, named <c>&lt;shape&gt;[-nocrc].mcap</c>.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Mcap()
    {
        var seeds = new List<(string, byte[])>();
        foreach (var (name, options) in Shapes)
        {
            var clip = Clip(options);
            seeds.Add((name + ".mcap", clip));
            seeds.Add((name + "-nocrc.mcap", McapFraming.WithoutCrcs(clip)));
        }

        return seeds;
    }

    /// <summary>The scenario files of <c>scenarios/</c> and <c>tests/fixtures/hostile/</c> under <paramref name="repositoryRoot"/>.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Scenarios(string repositoryRoot) =>
        new[] { Path.Combine(repositoryRoot, "scenarios"), Path.Combine(repositoryRoot, "tests", "fixtures", "hostile") }
            .SelectMany(directory => Directory.EnumerateFiles(directory, "*.yaml"))
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)))
            .ToList();

    /// <summary>Two 4x2 frames with truth, one lidar scan, an attachment and a metadata record.</summary>
    private static byte[] Clip(McapWriterOptions options)
    {
        using var stream = new MemoryStream();
        using (var writer = new McapClipWriter(stream, "/camera/front", "/truth/front", ["car", "pedestrian"], "/lidar/top", options, leaveOpen: true))
        {
            var pixels = Enumerable.Range(0, 4 * 2 * 3).Select(i => (byte)(i * 10)).ToArray();
            var image = CameraImage.Packed(4, 2, PixelFormat.Rgb8, pixels);
            writer.WriteFrame(100, image, [new TruthBox(0, 1, 0, 2, 2)]);
            writer.WriteLidar(150, new LidarScan(LidarPoint));
            writer.WriteFrame(200, image, [new TruthBox(1, 0, 0, 2, 2), new TruthBox(-1, 2, 0, 2, 1, Ignore: true)]);
            writer.Writer.WriteAttachment(new McapAttachment(5, 6, "calib.json", "application/json", "{\"fx\":1}"u8.ToArray()));
            writer.Writer.WriteMetadata(new McapMetadata("scene", new Dictionary<string, string> { ["weather"] = "rain" }));
        }

        return stream.ToArray();
    }
}
