namespace Harness.Scenarios;

/// <summary>The scenarios of a directory that loaded, and the files that did not.</summary>
public sealed record ScenarioSet(IReadOnlyList<Scenario> Scenarios, IReadOnlyList<ScenarioLoadFailure> Failures);
