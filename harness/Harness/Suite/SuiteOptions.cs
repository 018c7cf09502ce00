using Harness.History;
using Harness.Results;
using Harness.Running;
using Harness.Scenarios;

namespace Harness.Suite;

/// <summary>
/// A resolved gate run: which scenarios (by tag and/or id, and which shard of them), where baselines, the
/// generated-input cache and the result bundles live, what kind of run it is, whether a possible regression of a
/// gated metric fails (strict), and how many scenarios replay at once.
/// </summary>
public sealed record SuiteOptions(
    string ScenariosDirectory,
    string BaselinesDirectory,
    string CacheDirectory,
    string? Tag,
    IReadOnlyList<string> Ids,
    RunKind Run,
    bool IsCi,
    bool Strict = false)
{
    /// <summary>
    /// Scenarios replayed at once (at least 1); null: the cores divided by the selected scenarios' intra-op threads.
    /// Results, baselines and reports do not depend on it.
    /// </summary>
    public int? Parallel { get; init; }

    /// <summary>Where each scenario's result bundle is written; the reports are rendered from what is read back from there.</summary>
    public required string ResultsDirectory { get; init; }

    /// <summary>Which scenarios keep their review frames' images in their bundles; <see cref="ReviewImages.Needed"/> leaves them out of unchanged passes.</summary>
    public ReviewImages ReviewImages { get; init; } = ReviewImages.Needed;

    /// <summary>Run only this shard of the selected scenarios; null runs them all.</summary>
    public ShardSpec? Shard { get; init; }

    /// <summary>Each scenario's last recorded replay time in seconds (from the history store), which shards are balanced by.</summary>
    public IReadOnlyDictionary<string, double> ReplaySeconds { get; init; } = new Dictionary<string, double>();

    /// <summary>Whether this process runs in CI: <c>CI=true</c>, as GitHub Actions, GitLab CI and most CI systems set it.</summary>
    public static bool CiFromEnvironment() =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Set for <c>harness compare</c>: each scenario as written is replayed as the baseline and this variant of it as
    /// the run, both kept in the replay cache; the baselines folder is neither read nor written.
    /// </summary>
    public ScenarioVariant? Candidate { get; init; }

    /// <summary>The history store whose last runs of each scenario's gated metrics go into its bundle for the report's trend plots; null for none.</summary>
    internal HistoryStore? History { get; init; }

    /// <summary>The clock stage timings and replay times are read from, and the tests' stage hook.</summary>
    public RunHooks Hooks { get; init; } = RunHooks.None;
}
