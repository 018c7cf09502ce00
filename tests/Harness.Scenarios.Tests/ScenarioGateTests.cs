namespace Harness.Scenarios.Tests;

/// <summary>
/// The gate as tests, from the Harness.Testing package's <see cref="Testing.ScenarioGate"/>: one case per scenario of
/// this repository, selectable with <c>--filter Category=pr</c>, <c>Category=nightly</c> or <c>Category=canary</c>.
/// </summary>
public sealed class ScenarioGateTests : Testing.ScenarioGate;
