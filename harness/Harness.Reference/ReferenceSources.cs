using Harness.Running;

namespace Harness;

/// <summary>
/// Plugs this assembly's sources into Core: <c>synthetic://</c> clips and <c>reference://</c> models. The harness tool
/// and Harness.Testing call it; a program of your own that runs the default scenarios calls it once at start (with
/// <see cref="RecordingFormats.Register"/>, which it also calls: synthetic clips are MCAP recordings).
/// </summary>
public static class ReferenceSources
{
    /// <summary>Registers the sources; calling it again does nothing.</summary>
    public static void Register()
    {
        RecordingFormats.Register();
        ClipGenerators.Register(new SyntheticClipGenerator());
        ModelGenerators.Register(new ReferenceModelGenerator());
    }
}
