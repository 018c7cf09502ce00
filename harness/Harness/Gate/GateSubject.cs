using Harness.Scenarios;

namespace Harness.Gate;

/// <summary>What the gate needs to know of a scenario: its id, the baseline it is compared with, and its gates.</summary>
internal sealed record GateSubject(string ScenarioId, string BaselineId, IReadOnlyList<GateRule> Gates);
