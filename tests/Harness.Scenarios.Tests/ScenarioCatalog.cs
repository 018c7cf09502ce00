using Harness.Gate;
using Harness.Suite;
using Harness.Testing;

namespace Harness.Scenarios.Tests;

/// <summary>The repository's scenario set, discovered once, and the suite options a test run uses.</summary>
internal static class ScenarioCatalog
{
    /// <summary>Every file on its own: one that does not load fails its own test, never the others' discovery.</summary>
    public static ScenarioSet Loaded { get; } = ScenarioLoader.LoadEach(RepositoryPaths.Scenarios);

    public static IReadOnlyList<Scenario> All => Loaded.Scenarios;

    public static TheoryData<string> Tagged(string tag)
    {
        var data = new TheoryData<string>();
        foreach (var scenario in All.Where(s => s.HasTag(tag)))
        {
            data.Add(scenario.Id);
        }

        return data;
    }

    public static Scenario Get(string id) => All.Single(s => s.Id == id);

    public static SuiteOptions Options(RunKind run) =>
        new(RepositoryPaths.Scenarios, RepositoryPaths.Baselines, RepositoryPaths.Cache, null, [], run, GatePolicy.CiFromEnvironment())
        {
            ResultsDirectory = Path.Combine(RepositoryPaths.Root, "artifacts", "results"),
        };
}
