using Harness.Gate;
using Harness.Postprocessing;
using Harness.Running;
using Harness.Scenarios;

namespace Harness.Reporting;

/// <summary>
/// One scenario as reporters see it; <see cref="Scenario"/> is null when its file could not be loaded (the verdict
/// says why, under the file name as id) and <see cref="Result"/> when the scenario could not run.
/// <see cref="BaselineDetections"/> is the verified baseline's per-frame detections (by frame ordinal), when it has a
/// snapshot, so a report can show both runs side by side.
/// </summary>
public sealed record ScenarioReport(Scenario? Scenario, ScenarioVerdict Verdict, ScenarioResult? Result)
{
    public IReadOnlyList<IReadOnlyList<Detection>>? BaselineDetections { get; init; }
}
