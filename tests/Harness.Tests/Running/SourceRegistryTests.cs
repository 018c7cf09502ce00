using Harness.Running;

namespace Harness.Tests.Running;

public sealed class SourceRegistryTests
{
    private sealed record Source(string Scheme, string Name);

    private static SourceRegistry<Source> Registry(params Source[] sources)
    {
        var registry = new SourceRegistry<Source>(source => source.Scheme);
        foreach (var source in sources)
        {
            registry.Register(source);
        }

        return registry;
    }

    [Fact]
    public void A_source_of_a_registered_scheme_finds_its_entry()
    {
        var registry = Registry(new Source("synthetic://", "scenes"), new Source("reference://", "models"));

        Assert.Equal("models", registry.For("reference://detector-v1", "model", "hint")?.Name);
        Assert.Equal("scenes", registry.For("synthetic://urban-day?seed=1", "clip", "hint")?.Name);
    }

    [Fact]
    public void The_same_scheme_registered_again_keeps_the_first()
    {
        var registry = Registry(new Source("synthetic://", "first"), new Source("synthetic://", "second"));

        Assert.Equal("first", registry.For("synthetic://x", "clip", "hint")?.Name);
    }

    [Theory]
    [InlineData("recordings/drive.mcap")]
    [InlineData("/data/kitti")]
    [InlineData(@"C:\data\drive.mcap")]
    [InlineData("Synthetic://caps-is-not-a-scheme-here")]
    public void A_path_is_no_source_of_any_scheme(string path)
    {
        Assert.Null(Registry(new Source("synthetic://", "scenes")).For(path, "clip", "hint"));
    }

    [Fact]
    public void A_scheme_nothing_registered_is_refused_by_name_with_the_hint()
    {
        var error = Assert.Throws<ScenarioInputException>(() => Registry().For("synthetic://urban-day", "clip", "call ReferenceSources.Register()"));

        Assert.Equal(
            "clip 'synthetic://urban-day' uses the scheme 'synthetic://', which no part of this harness provides (registered: none; call ReferenceSources.Register())",
            error.Message);
    }

    [Fact]
    public void The_refusal_lists_what_is_registered()
    {
        var error = Assert.Throws<ScenarioInputException>(() => Registry(new Source("reference://", "models")).For("onnx://m", "model", "hint"));

        Assert.Contains("(registered: reference://; hint)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_registration_plugs_in_the_reference_sources_and_every_recording_format()
    {
        Assert.NotNull(ClipGenerators.For("synthetic://urban-day?seed=1&frames=3"));
        Assert.NotNull(ModelGenerators.For("reference://detector-v1"));
        Assert.Equal(["Rosbag2ClipFormat", "McapClipFormat", "CocoJsonClipFormat", "KittiClipFormat", "KittiTrackingClipFormat"], Harness.Clips.ClipFormatRegistry.Formats.Select(f => f.GetType().Name));
    }
}
