namespace Harness.Scenarios;

/// <summary>The tags a scenario may carry: which runs select it.</summary>
public static class ScenarioTags
{
    /// <summary>Runs on every pull request.</summary>
    public const string PullRequest = "pr";

    /// <summary>Runs in the nightly gate, where timing gates apply.</summary>
    public const string Nightly = "nightly";

    /// <summary>A known-bad model kept to prove the gate catches it; runs only when asked for by id or tag.</summary>
    public const string Canary = "canary";

    internal static readonly string[] Known = [PullRequest, Nightly, Canary];
}
