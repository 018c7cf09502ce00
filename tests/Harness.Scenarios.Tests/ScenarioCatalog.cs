using Harness.Gate;
using Harness.Suite;
using Harness.Testing;

namespace Harness.Scenarios.Tests;

/// <summary>The repository's scenario set, discovered once, and the suite options a test run uses.</summary>
internal static class ScenarioCatalog
{
    public static IReadOnlyList<Scenario> All { get; } = ScenarioLoader.LoadDirectory(RepositoryPaths.Scenarios);

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
        new(RepositoryPaths.Scenarios, RepositoryPaths.Baselines, RepositoryPaths.Cache, null, [], run, GatePolicy.CiFromEnvironment());
}
