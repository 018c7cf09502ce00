namespace Harness.Clips.Synthetic;

/// <summary>Renders a synthetic clip frame by frame: memory stays constant however many frames are asked for.</summary>
internal static class SyntheticScene
{
    public static IReadOnlyList<string> ClassNames { get; } = ["car", "pedestrian", "cyclist"];

    public static IEnumerable<Frame> Render(SyntheticSceneOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(options.ToString());
        return RenderFrames(options, cancellationToken);
    }

    private static IEnumerable<Frame> RenderFrames(SyntheticSceneOptions options, CancellationToken cancellationToken)
    {
        var profile = SceneProfile.For(options.Scene);
        var simulation = new SceneSimulation(profile, options.Seed);
        var renderer = new FrameRenderer(options, profile, simulation);
        var frameNs = 1_000_000_000L / options.FrameRateHz;
        for (var index = 0; index < options.Frames; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return renderer.Render(index, index * frameNs, simulation);
            simulation.Step(1f / options.FrameRateHz);
        }
    }
}
