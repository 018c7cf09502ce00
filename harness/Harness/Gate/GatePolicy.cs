using Harness.Scenarios;

namespace Harness.Gate;

/// <summary>
/// The kind of run, whether it is CI (where a missing baseline fails instead of being proposed) and whether it is
/// strict (where a possible regression of a gated metric fails instead of warning).
/// </summary>
internal sealed record GatePolicy(RunKind Run, bool IsCi, bool Strict = false);
