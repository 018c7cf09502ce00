namespace Harness.Scenarios;

/// <summary>The words scenario files use for kinds of run (<c>when: pr</c>), for output that users read back.</summary>
internal static class RunKindNames
{
    /// <summary>Every word a scenario may write, with the kind it names.</summary>
    internal static IReadOnlyList<KeyValuePair<string, RunKind>> Words { get; } =
    [
        new("always", RunKind.Always),
        new("pr", RunKind.PullRequest),
        new("nightly", RunKind.Nightly),
    ];

    public static string Name(this RunKind run) => Words.First(w => w.Value == run).Key;
}
