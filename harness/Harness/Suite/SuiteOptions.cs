using Harness.Scenarios;

namespace Harness.Suite;

/// <summary>
/// A resolved gate run: which scenarios (by tag and/or id), where baselines and the generated-input cache live,
/// what kind of run it is, and whether a possible regression of a gated metric fails (strict).
/// </summary>
public sealed record SuiteOptions(
    string ScenariosDirectory,
    string BaselinesDirectory,
    string CacheDirectory,
    string? Tag,
    IReadOnlyList<string> Ids,
    RunKind Run,
    bool IsCi,
    bool Strict = false);
