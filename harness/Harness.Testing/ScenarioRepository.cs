using Harness.Scenarios;
using Harness.Suite;

namespace Harness.Testing;

/// <summary>
/// Where a gated repository keeps its scenarios, baselines and generated inputs: the layout <c>harness init</c>
/// scaffolds and <c>harness run</c> assumes (<c>scenarios/</c>, <c>baselines/</c>, <c>artifacts/cache/</c>,
/// <c>artifacts/results/</c>).
/// </summary>
public sealed record ScenarioRepository(string Root)
{
    public string Scenarios => Path.Combine(Root, "scenarios");

    public string Baselines => Path.Combine(Root, "baselines");

    public string Cache => Path.Combine(Root, "artifacts", "cache");

    public string Results => Path.Combine(Root, "artifacts", "results");

    /// <summary>
    /// The nearest folder above the test assembly that holds a <c>scenarios/</c> folder: test output is built
    /// somewhere under the repository it gates, at whatever depth the project sits.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No folder above <paramref name="start"/> holds <c>scenarios/</c>.</exception>
    public static ScenarioRepository Locate(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "scenarios")))
            {
                return new ScenarioRepository(directory.FullName);
            }
        }

        throw new DirectoryNotFoundException($"no folder above '{start}' holds a scenarios/ folder (harness init creates one)");
    }

    /// <summary>The suite options of a test run: every scenario of this repository, CI taken from the environment.</summary>
    public SuiteOptions Options(RunKind run) => new(Scenarios, Baselines, Cache, null, [], run, SuiteOptions.CiFromEnvironment()) { ResultsDirectory = Results };
}
