using Harness.Scenarios;

namespace Harness.Suite;

/// <summary>
/// A resolved gate run: which scenarios (by tag and/or id), where baselines and the generated-input cache live,
/// what kind of run it is, whether a possible regression of a gated metric fails (strict), and how many scenarios
/// replay at once.
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
}
