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
        try
        {
            source = ClipSource.Resolve(scenario.Clip, cacheDirectory);
        }
        catch (Exception e) when (e is ScenarioInputException or IOException or FormatException)
        {
            throw ReviewClipReporter.Mismatch(scenario.Clip.Source, e.Message);
        }

        return source.Sha256 == clipSha256
            ? source.Open(scenario.Clip, scenario.Classes)
            : throw ReviewClipReporter.Mismatch(source.Path, $"its SHA-256 is {source.Sha256}, the run replayed {clipSha256}");
    }
}
