namespace Harness.Scenarios;

/// <summary>The words scenario files use for kinds of run (<c>when: pr</c>), for output that users read back.</summary>
public static class RunKindNames
{
    public static string Name(this RunKind run) => run switch
    {
        RunKind.PullRequest => "pr",
        RunKind.Nightly => "nightly",
        _ => "always",
    };
}
