using System.Collections.Concurrent;
using Harness.Results;
using Harness.Scenarios;
using Harness.Suite;

namespace Harness.Testing;

/// <summary>
/// The scenario set of the repository the tests are built in, loaded once per test process, and each scenario's gate
/// report, replayed once per run kind: the gate is deterministic, so tests that look at one scenario's report from
/// several sides share one replay.
/// </summary>
public static class ScenarioCatalog
{
    private static readonly Lazy<ScenarioRepository> LocatedRepository = new(() =>
    {
        ReferenceSources.Register();
        return ScenarioRepository.Locate(AppContext.BaseDirectory);
    });
    private static readonly Lazy<ScenarioSet> LoadedSet = new(() => ScenarioLoader.LoadEach(Repository.Scenarios));
    private static readonly ConcurrentDictionary<(string Id, RunKind Run), Lazy<ResultBundle>> Reports = new();

    public static ScenarioRepository Repository => LocatedRepository.Value;

    /// <summary>Every file on its own: one that does not load fails its own test, never the others' discovery.</summary>
    public static ScenarioSet Loaded => LoadedSet.Value;

    public static IReadOnlyList<Scenario> All => Loaded.Scenarios;

    /// <summary>The ids of the scenarios with <paramref name="tag"/>, in file order.</summary>
    public static IReadOnlyList<string> Tagged(string tag) => [.. All.Where(s => s.HasTag(tag)).Select(s => s.Id)];

    /// <exception cref="KeyNotFoundException">No scenario that loaded has this id.</exception>
    public static Scenario Get(string id) =>
        All.FirstOrDefault(s => s.Id == id) ?? throw new KeyNotFoundException($"no scenario with id '{id}' loaded from {Repository.Scenarios}");

    public static SuiteOptions Options(RunKind run) => Repository.Options(run);

    /// <summary>The gate's report of one scenario in one kind of run, replayed on first use.</summary>
    public static ResultBundle Run(string id, RunKind run) =>
        Reports.GetOrAdd((id, run), key => new Lazy<ResultBundle>(() => GateSuite.RunOne(Get(key.Id), Options(key.Run)))).Value;
}
