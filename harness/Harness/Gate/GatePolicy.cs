using Harness.Scenarios;

namespace Harness.Gate;

/// <summary>The kind of run and whether it is CI, where a missing baseline fails instead of being proposed.</summary>
public sealed record GatePolicy(RunKind Run, bool IsCi)
{
    public static bool CiFromEnvironment() =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
