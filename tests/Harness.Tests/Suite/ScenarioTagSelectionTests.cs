using Harness.Scenarios;
using Harness.Suite;
using Harness.TestKit;
using Harness.Testing;
using Harness.Tests.Testing;

namespace Harness.Tests.Suite;

/// <summary>A team's own tags (dataset, sensor, owner) load and select scenarios; pr, nightly and canary keep their meaning.</summary>
public sealed class ScenarioTagSelectionTests : IDisposable
{
    private readonly TemporaryDirectory temp = new("tags-");

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("kitti", new[] { "kitti-day" })]
    [InlineData("team-perception", new[] { "kitti-day", "street" })]
    [InlineData("pr", new[] { "kitti-day", "street" })]
    [InlineData("canary", new[] { "broken" })]
    [InlineData(null, new[] { "kitti-day", "street" })]
    public void A_tag_selects_the_scenarios_carrying_it_and_canaries_only_when_asked(string? tag, string[] expected)
    {
        Write("kitti-day", "pr, kitti, team-perception");
        Write("street", "pr, team-perception");
        Write("broken", "canary, kitti-day-canary");

        var options = new SuiteOptions(temp.Path, temp.Combine("baselines"), RepositoryPaths.Cache, tag, [], RunKind.PullRequest, IsCi: false)
        {
            ResultsDirectory = temp.Combine("results"),
        };

        Assert.Equal(expected, GateSuite.Select(options).Scenarios.Select(s => s.Id).Order(StringComparer.Ordinal));
    }

    private void Write(string id, string tags) =>
        File.WriteAllText(temp.Combine(id + ".yaml"), ScenarioYaml.Create(id).Replace("tags: [pr]", $"tags: [{tags}]", StringComparison.Ordinal));
}
