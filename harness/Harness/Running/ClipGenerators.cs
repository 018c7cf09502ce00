namespace Harness.Running;

/// <summary>The clip generators the host registered (the reference assembly registers <c>synthetic://</c>).</summary>
internal static class ClipGenerators
{
    private static readonly SourceRegistry<IClipGenerator> Registry = new(generator => generator.Scheme);

    public static void Register(IClipGenerator generator) => Registry.Register(generator);

    /// <inheritdoc cref="SourceRegistry{T}.For"/>
    public static IClipGenerator? For(string source) =>
        Registry.For(source, "clip", "synthetic:// clips come with Harness.Reference: call ReferenceSources.Register()");
}
