namespace Harness.Running;

/// <summary>The model generators the host registered (the reference assembly registers <c>reference://</c>).</summary>
internal static class ModelGenerators
{
    private static readonly SourceRegistry<IModelGenerator> Registry = new(generator => generator.Scheme);

    public static void Register(IModelGenerator generator) => Registry.Register(generator);

    /// <inheritdoc cref="SourceRegistry{T}.For"/>
    public static IModelGenerator? For(string source) =>
        Registry.For(source, "model", "reference:// models come with Harness.Reference: call ReferenceSources.Register()");
}
