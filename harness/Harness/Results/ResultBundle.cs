using Harness.Gate;
using Harness.Metrics;

namespace Harness.Results;

/// <summary>
/// One scenario's outcome as every report sees it, and as it is kept on disk under <c>&lt;results&gt;/&lt;id&gt;/</c>
/// (<see cref="ResultBundleFiles"/>). <see cref="Scenario"/> is null when its file could not be loaded (the verdict
/// says why, under the file name as id) and <see cref="Result"/> when the scenario could not run.
/// <see cref="BaselineDetections"/> is the verified baseline's per-frame detections (by frame ordinal), when it has a
/// snapshot, so a report can show both runs side by side.
/// </summary>
public sealed record ResultBundle(ScenarioFacts? Scenario, ScenarioVerdict Verdict, ScenarioResult? Result)
{
    public IReadOnlyList<IReadOnlyList<Detection>>? BaselineDetections { get; init; }

    /// <summary>Wall-clock seconds the replay took, when it ran; what shards are balanced by next time.</summary>
    public double? ReplaySeconds { get; init; }

    /// <summary>The history's last values of the scenario's gated metrics before this run, oldest first, for the report's trend plots.</summary>
    internal IReadOnlyList<History.MetricPoint> Trend { get; init; } = [];

    public string ScenarioId => Verdict.ScenarioId;
}
