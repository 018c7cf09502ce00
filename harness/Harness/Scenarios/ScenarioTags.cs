using System.Text.RegularExpressions;

namespace Harness.Scenarios;

/// <summary>
/// The tags a scenario may carry: any lower-case words (a team tags by dataset, sensor or owner: <c>kitti</c>,
/// <c>lidar</c>, <c>team-perception</c>), of which three choose the runs: <see cref="PullRequest"/>,
/// <see cref="Nightly"/> and <see cref="Canary"/>. <c>harness run --tag WORD</c> selects by any of them.
/// </summary>
public static partial class ScenarioTags
{
    /// <summary>Runs on every pull request.</summary>
    public const string PullRequest = "pr";

    /// <summary>Runs in the nightly gate, where timing gates apply.</summary>
    public const string Nightly = "nightly";

    /// <summary>A known-bad model kept to prove the gate catches it; runs only when asked for by id or tag.</summary>
    public const string Canary = "canary";

    /// <summary>The tags that choose runs.</summary>
    internal static readonly string[] Runs = [PullRequest, Nightly, Canary];

    /// <summary>Lower-case letters and digits, words joined by single hyphens, as scenario ids are written.</summary>
    internal static bool IsWellFormed(string tag) => WordPattern().IsMatch(tag);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
