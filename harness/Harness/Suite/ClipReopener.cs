using Harness.Clips;
using Harness.Reporting;
using Harness.Results;
using Harness.Running;

namespace Harness.Suite;

/// <summary>Opens a bundle's clip from its source the way the run did: synthetic clips come from (or are regenerated into) the cache.</summary>
internal sealed class ClipReopener(string cacheDirectory) : IClipReopener
{
    public IClipReader Open(ScenarioFacts scenario, string clipSha256)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ClipSource source;
        string sha256;
        try
        {
            source = ClipSource.Resolve(scenario.Clip, cacheDirectory);
            sha256 = source.Verify(scenario.Clip);
        }
        catch (Exception e) when (e is HarnessInputException or IOException or FormatException)
        {
            throw ReviewClips.Mismatch(scenario.Clip.Source, e.Message);
        }

        return sha256 == clipSha256
            ? source.Open(scenario.Clip, scenario.Classes)
            : throw ReviewClips.Mismatch(source.Path, $"its SHA-256 is {sha256}, the run replayed {clipSha256}");
    }
}
