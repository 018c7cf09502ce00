namespace Harness.Clips.Synthetic;

/// <summary>An <see cref="IClipReader"/> over a synthetic scene, for <c>synthetic://</c> clip sources.</summary>
public sealed class SyntheticClipReader : IClipReader
{
    private readonly SyntheticSceneOptions _options;

    public SyntheticClipReader(SyntheticSceneOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(options.ToString());
        _options = options;
    }

    public IReadOnlyList<string> ClassNames => SyntheticScene.ClassNames;

    public IEnumerable<Frame> ReadFrames(CancellationToken cancellationToken = default) => SyntheticScene.Render(_options, cancellationToken);

    public void Dispose()
    {
    }
}
