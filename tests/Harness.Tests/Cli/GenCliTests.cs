using System.Security.Cryptography;
using Harness.TestKit;

namespace Harness.Tests.Cli;

public class GenCliTests
{
    private const string Tiny = "synthetic://urban-night?seed=5&frames=2&width=64&height=64";

    [Fact]
    public void Prints_the_cached_clip_and_its_sha256_and_copies_it_with_out()
    {
        using var directory = new TemporaryDirectory();
        var copy = directory.Combine("clips", "night.mcap");

        var result = HarnessCli.Run(directory.Path, ci: false, "gen", Tiny, "--cache", "cache", "--out", copy);

        Assert.True(result.ExitCode == 0, result.ToString());
        var cached = Assert.Single(Directory.GetFiles(directory.Combine("cache", "clips")));
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(cached)));
        Assert.Equal(File.ReadAllBytes(cached), File.ReadAllBytes(copy));
        Assert.Contains($"clip    {copy}", result.Output, StringComparison.Ordinal);
        Assert.Contains($"sha256  {sha}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_source_gives_the_same_hash_as_a_scenario_run_would_pin()
    {
        using var directory = new TemporaryDirectory();

        var result = HarnessCli.Run(directory.Path, ci: false, "gen", Tiny, "--cache", "cache");
        var (_, sha256) = Harness.Running.SyntheticClips.Generate(Tiny, directory.Combine("library-cache"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"sha256  {sha256}", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("synthetic://nowhere?seed=1", "unknown scene 'nowhere'")]
    [InlineData("synthetic://urban-day?seeds=1", "unknown key 'seeds'")]
    [InlineData("file://clip.mcap", "must start with 'synthetic://'")]
    public void Bad_source_exits_2_with_one_line_naming_it(string source, string reason)
    {
        using var directory = new TemporaryDirectory();

        var result = HarnessCli.Run(directory.Path, ci: false, "gen", source, "--cache", "cache");

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"'{source}'", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory.Combine("cache")));
    }

    [Fact]
    public void Unwritable_out_path_exits_2_naming_it()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.Combine("file"), "not a folder");
        var output = directory.Combine("file", "clip.mcap");

        var result = HarnessCli.Run(directory.Path, ci: false, "gen", Tiny, "--cache", "cache", "--out", output);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"out '{output}'", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rosbag2-sqlite3", "night_0.db3")]
    [InlineData("rosbag2-mcap", "night_0.mcap")]
    public void Format_rosbag2_writes_a_bag_directory_that_replays_the_same_frames(string format, string storageFile)
    {
        using var directory = new TemporaryDirectory();
        var bag = directory.Combine("night");

        var result = HarnessCli.Run(directory.Path, ci: false, "gen", Tiny, "--cache", "cache", "--out", bag, "--format", format);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(bag, storageFile)));
        Assert.Contains($"clip    {bag}", result.Output, StringComparison.Ordinal);
        var (mcap, _) = Harness.Running.SyntheticClips.Generate(Tiny, directory.Combine("cache"));
        using var original = new Harness.Clips.Mcap.McapClipReader(mcap, "/camera/front", "/truth/front", ClassMap.Identity(["car", "pedestrian", "cyclist"]));
        using var replayed = new Harness.Clips.Rosbag2.Rosbag2ClipReader(bag, "/camera/front", "/truth/front", ClassMap.Identity(["car", "pedestrian", "cyclist"]));
        var expected = original.ReadFrames().ToList();
        var actual = replayed.ReadFrames().ToList();
        Assert.Equal(expected.Select(f => (f.TimestampNs, f.Truth.Count)), actual.Select(f => (f.TimestampNs, f.Truth.Count)));
        Assert.Equal(expected[1].Image.Pixels.ToArray(), actual[1].Image.Pixels.ToArray());
    }

    [Fact]
    public void Format_rosbag2_without_out_exits_2()
    {
        using var directory = new TemporaryDirectory();

        var result = HarnessCli.Run(directory.Path, ci: false, "gen", Tiny, "--cache", "cache", "--format", "rosbag2-mcap");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("give it with --out", result.Error, StringComparison.Ordinal);
    }
}
