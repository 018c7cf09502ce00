using Harness.Metrics;

namespace Harness.Scenarios;

/// <summary>A validated scenario: what to replay, through which model, and which metrics gate the merge.</summary>
public sealed record Scenario(
    string Id,
    string Description,
    IReadOnlyList<string> Tags,
    ClipSpec Clip,
    ModelSpec Model,
    PostprocessSpec Postprocess,
    IReadOnlyList<GateRule> Gates,
    string SourcePath,
    string? BaselineId = null)
{
    /// <summary>The baseline this scenario is compared with: its own unless it borrows another's (canaries do).</summary>
    public string EffectiveBaselineId => BaselineId ?? Id;

    /// <summary>The fewest truth objects a gated metric may be computed over, when the scenario sets its own; else the suite's.</summary>
    public int? MinSupport { get; init; }

    /// <summary>The target hardware the streaming metrics replay the clip on; null when the scenario declares none (no <c>streaming/*</c> metrics).</summary>
    public StreamingProfile? Streaming { get; init; }

    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);
}
