namespace Harness.Scenarios;

/// <summary>Which runs a gate rule applies to.</summary>
public enum RunKind
{
    Always,
    PullRequest,
    Nightly,
}
