using Harness.Clips.Mcap;
using Harness.Running;
using Harness.TestKit;

namespace Harness.Tests.Running;

public sealed class SyntheticClipsTests : IDisposable
{
    private readonly TemporaryDirectory temp = new("synthetic-clips-");

    [Fact]
    public void Two_generations_into_separate_caches_write_byte_identical_mcap_files()
    {
        const string Source = "synthetic://urban-rain?seed=5&frames=6&width=160&height=96";

        var first = SyntheticClips.Generate(Source, temp.Combine("a"));
        var second = SyntheticClips.Generate(Source, temp.Combine("b"));

        Assert.NotEqual(first.Path, second.Path);
        Assert.Equal(File.ReadAllBytes(first.Path), File.ReadAllBytes(second.Path));
        Assert.Equal(first.Sha256, second.Sha256);
    }

    [Fact]
    public void Generated_clip_replays_every_frame_with_truth_and_lidar()
    {
        var (path, _) = SyntheticClips.Generate("synthetic://highway?seed=13&frames=5&width=160&height=96", temp.Path);

        using var reader = new McapClipReader(path, SyntheticClipGenerator.CameraTopic, SyntheticClipGenerator.TruthTopic, ClassMap.Identity(["car", "pedestrian", "cyclist"]), SyntheticClipGenerator.LidarTopic);
        var frames = reader.ReadFrames().ToList();

        Assert.Equal(5, frames.Count);
        Assert.All(frames, f => Assert.Equal((160, 96), (f.Image.Width, f.Image.Height)));
        Assert.Contains(frames, f => f.Truth.Count > 0);
        Assert.All(frames, f => Assert.True(f.Lidar is { Count: > 0 }));
    }

    public void Dispose() => temp.Dispose();
}
