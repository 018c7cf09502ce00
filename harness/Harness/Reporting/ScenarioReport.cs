using Harness.Gate;
using Harness.Running;
using Harness.Scenarios;

namespace Harness.Reporting;

/// <summary>One scenario as reporters see it; <see cref="Result"/> is null when the scenario could not run.</summary>
public sealed record ScenarioReport(Scenario Scenario, ScenarioVerdict Verdict, ScenarioResult? Result);
