using Harness.Metrics.Bootstrap;
using Harness.Metrics.Flips;

namespace Harness.Gate;

/// <summary>
/// What the gate knows beyond two sets of numbers: each metric's paired bootstrap interval (empty when the frames
/// cannot be paired), which objects flipped, whether an unchanged pipeline reproduced its detections, and notes that
/// say why some of it is unavailable or what differs in the platform.
/// </summary>
internal sealed record GateEvidence(
    IReadOnlyDictionary<string, ChangeInterval> Intervals,
    FlipSummary? Flips,
    PipelineAgreement Agreement,
    IReadOnlyList<string> Notes)
{
    /// <summary>Nothing to pair against: metrics compare on point values.</summary>
    public static GateEvidence PointValuesOnly(params string[] notes) =>
        new(new Dictionary<string, ChangeInterval>(), null, PipelineAgreement.NotApplicable, notes);
}
