using Harness.Clips;
using Harness.Results;

namespace Harness.Reporting;

/// <summary>
/// Opens a scenario's clip again, the way its run opened it, for a review clip: a bundle keeps the review frames'
/// pixels, not every frame's.
/// </summary>
public interface IClipReopener
{
    /// <exception cref="ClipFormatException">The clip is gone or its SHA-256 is no longer <paramref name="clipSha256"/>, the one the run replayed.</exception>
    IClipReader Open(ScenarioFacts scenario, string clipSha256);
}
