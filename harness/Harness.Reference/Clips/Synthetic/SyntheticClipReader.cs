namespace Harness.Clips.Synthetic;

/// <summary>
/// An <see cref="IClipReader"/> over a synthetic scene, for <c>synthetic://</c> clip sources: its truth is in
/// <see cref="SyntheticScene.ClassNames"/> order, written by name when the scene is recorded as MCAP.
/// </summary>
internal sealed class SyntheticClipReader : IClipReader
{
    private readonly SyntheticSceneOptions _options;

    public SyntheticClipReader(SyntheticSceneOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(options.ToString());
        _options = options;
    }

    public ClassMap Classes { get; } = ClassMap.Identity(SyntheticScene.ClassNames);

    public IEnumerable<Frame> ReadFrames(CancellationToken cancellationToken = default) => SyntheticScene.Render(_options, cancellationToken);

    public void Dispose()
    {
    }
}
