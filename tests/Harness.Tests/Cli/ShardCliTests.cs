using Harness.Gate;
using Harness.History;
using Harness.Metrics;
using Harness.Results;
using Harness.Scenarios;
using Harness.TestKit;
using Harness.Testing;
using Harness.Tests.Testing;

namespace Harness.Tests.Cli;

/// <summary><c>harness run --shard</c>, <c>harness merge</c> and <c>harness report --results</c> as CI calls them.</summary>
public class ShardCliTests
{
    [Fact]
    public void Shards_write_only_bundles_and_the_merge_reports_and_appends_history_once()
    {
        using var directory = new TemporaryDirectory();
        WriteScenarios(directory, "alpha", "beta");

        var first = Run(directory, "run", "--tag", "pr", "--shard", "1/2", "--results", "shard-1", "--report", "report");
        var second = Run(directory, "run", "--tag", "pr", "--shard", "2/2", "--results", "shard-2", "--report", "report");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(["alpha"], ResultsFolder.ReadManifest(directory.Combine("shard-1")).Scenarios);
        Assert.Equal(["beta"], ResultsFolder.ReadManifest(directory.Combine("shard-2")).Scenarios);
        Assert.False(Directory.Exists(directory.Combine("report")), "a shard writes no report");
        Assert.False(File.Exists(directory.Combine("history.sqlite")), "a shard appends no history");

        var merge = Run(directory, "merge", "shard-1", "shard-2", "--report", "report");

        Assert.True(merge.ExitCode == 0, merge.ToString());
        var summary = File.ReadAllText(directory.Combine("report", "summary.md"));
        Assert.Contains("| alpha |", summary, StringComparison.Ordinal);
        Assert.Contains("| beta |", summary, StringComparison.Ordinal);
        Assert.True(File.Exists(directory.Combine("report", "index.html")));
        Assert.Equal(["alpha", "beta"], new HistoryStore(directory.Combine("history.sqlite")).Latest(MetricNames.ReplaySeconds).Keys.Order(StringComparer.Ordinal));

        var report = Run(directory, "report", "--results", "shard-2", "--report", "again");

        Assert.True(report.ExitCode == 0, report.ToString());
        var again = File.ReadAllText(directory.Combine("again", "summary.md"));
        Assert.Contains("| beta |", again, StringComparison.Ordinal);
        Assert.DoesNotContain("| alpha |", again, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3/2", "--shard '3/2': shard 3 does not exist, shards of 2 are 1 to 2")]
    [InlineData("2", "--shard '2': expected K/N")]
    public void Shard_that_does_not_exist_exits_2_saying_why(string shard, string message)
    {
        using var directory = new TemporaryDirectory();
        WriteScenarios(directory, "alpha");

        var result = Run(directory, "run", "--shard", shard);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_of_an_incomplete_run_exits_2_naming_the_missing_shard()
    {
        using var directory = new TemporaryDirectory();
        ResultsFolder.Write(directory.Combine("shard-1"), new RunManifest(RunKind.PullRequest, false, ["alpha", "beta"], ["alpha"], new ShardSpec(1, 2)),
            [new ResultBundle(null, new ScenarioVerdict("alpha", [], [], BaselineMissing: false, IsCi: false), null)]);

        var result = Run(directory, "merge", "shard-1");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("shard 2/2 is missing", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(directory.Combine("history.sqlite")), "a merge that fails appends nothing");
    }

    [Fact]
    public void Report_of_a_folder_that_is_not_there_exits_2_naming_it()
    {
        using var directory = new TemporaryDirectory();

        var result = Run(directory, "report", "--results", "nowhere");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("nowhere: no such results folder", result.Error, StringComparison.Ordinal);
    }

    private static CliResult Run(TemporaryDirectory directory, params string[] arguments) =>
        HarnessCli.Run(directory.Path, ci: false, [.. arguments, "--cache", RepositoryPaths.Cache, .. arguments[0] == "report" ? Array.Empty<string>() : ["--history", "history.sqlite"]]);

    private static void WriteScenarios(TemporaryDirectory directory, params string[] ids)
    {
        Directory.CreateDirectory(directory.Combine("scenarios"));
        foreach (var id in ids)
        {
            File.WriteAllText(directory.Combine("scenarios", id + ".yaml"), ScenarioYaml.Create(id, "synthetic://urban-day?seed=1&frames=1", gated: false));
        }
    }
}
