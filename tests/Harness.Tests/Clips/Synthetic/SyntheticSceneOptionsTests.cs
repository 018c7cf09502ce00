using Harness.Clips.Synthetic;

namespace Harness.Tests.Clips.Synthetic;

public class SyntheticSceneOptionsTests
{
    [Fact]
    public void Parses_scene_seed_and_frames_from_uri()
    {
        var options = SyntheticSceneOptions.Parse("synthetic://urban-night?seed=7&frames=120");
        Assert.Equal(new SyntheticSceneOptions("urban-night", 7, 120), options);
    }

    [Fact]
    public void Parses_optional_resolution_and_frame_rate()
    {
        var options = SyntheticSceneOptions.Parse("synthetic://highway?seed=3&frames=5&width=320&height=192&fps=20");
        Assert.Equal(new SyntheticSceneOptions("highway", 3, 5, 320, 192, 20), options);
    }

    [Fact]
    public void Round_trips_through_its_uri()
    {
        var options = new SyntheticSceneOptions("crowd", 11, 9, 320, 192, 5);
        Assert.Equal(options, SyntheticSceneOptions.Parse(options.ToString()));
    }

    [Theory]
    [InlineData("synthetic://mars?seed=1", "unknown scene 'mars'")]
    [InlineData("synthetic://crowd?seed=x", "'seed' needs an integer value, got 'x'")]
    [InlineData("synthetic://crowd?colour=3", "unknown key 'colour'")]
    [InlineData("file://crowd", "must start with 'synthetic://'")]
    [InlineData("synthetic://crowd?frames=-1", "frames must be >= 0")]
    public void Rejects_bad_uri_naming_the_uri_and_the_problem(string uri, string problem)
    {
        var error = Assert.Throws<FormatException>(() => SyntheticSceneOptions.Parse(uri));
        Assert.Contains($"'{uri}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
