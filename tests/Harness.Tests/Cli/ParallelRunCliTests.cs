using Harness.Gate;
using Harness.Metrics;
using Harness.Scenarios;
using Harness.Suite;
using Harness.TestKit;
using Harness.Testing;
using Harness.Tests.Testing;
using Microsoft.Data.Sqlite;

namespace Harness.Tests.Cli;

/// <summary>
/// <c>harness run --parallel 2</c> against the same run one scenario at a time: the reports, the received baselines,
/// the verdicts printed and the history rows are the same bytes. Three scenarios share a clip and a model two by two,
/// each run starts from an empty cache (so the shared inputs are generated while both workers ask for them), and one
/// scenario has a verified baseline from another model, so regressions, flips and review clips are compared too.
/// Timing metrics are measured, not computed: the history keeps their names and the comparison skips their values.
/// </summary>
public sealed class ParallelRunCliTests
{
    private const string Clip = "synthetic://urban-day?seed=7&frames=12";
    private const string OtherClip = "synthetic://urban-day?seed=8&frames=12";

    [Fact]
    public void Parallel_2_writes_byte_for_byte_what_the_sequential_run_writes()
    {
        using var sequential = Workspace();
        using var parallel = Workspace();
        AcceptAlphaBaselineOfTheUndegradedModel(sequential);
        foreach (var file in Directory.EnumerateFiles(sequential.Combine("baselines")))
        {
            File.Copy(file, parallel.Combine("baselines", Path.GetFileName(file)));
        }

        var one = HarnessCli.Run(sequential.Path, ci: false, [.. Arguments, "--parallel", "1"]);
        var two = HarnessCli.Run(parallel.Path, ci: false, [.. Arguments, "--parallel", "2"]);

        Assert.True(one.ExitCode == 1, one.ToString());
        Assert.Equal(one.ExitCode, two.ExitCode);
        Assert.Equal(one.Output, two.Output);
        Assert.Contains("regressed", one.Output, StringComparison.Ordinal);
        var reports = Files(sequential.Combine("report"));
        Assert.Contains(Path.Combine("report", "summary.md"), reports.Keys);
        Assert.Contains(Path.Combine("report", "index.html"), reports.Keys);
        Assert.Contains(Path.Combine("report", "alpha", "review.mcap"), reports.Keys);
        AssertSameFiles(reports, Files(parallel.Combine("report")));
        var received = Files(sequential.Combine("baselines"));
        Assert.Equal(6, received.Keys.Count(k => k.Contains(".received.", StringComparison.Ordinal)));
        AssertSameFiles(received, Files(parallel.Combine("baselines")));
        var history = HistoryRows(sequential.Combine("history.sqlite"));
        Assert.NotEmpty(history);
        Assert.Equal(history, HistoryRows(parallel.Combine("history.sqlite")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Parallel_below_1_exits_2_naming_the_option(string value)
    {
        using var directory = Workspace();

        var result = HarnessCli.Run(directory.Path, ci: false, [.. Arguments, "--parallel", value]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"--parallel {value}: the number of scenarios replayed at once must be at least 1", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory.Combine("cache")), "nothing runs");
    }

    private static string[] Arguments =>
        ["run", "--scenarios", "scenarios", "--baselines", "baselines", "--cache", "cache", "--report", "report", "--history", "history.sqlite"];

    /// <summary>alpha and beta share a clip, beta and gamma a model.</summary>
    private static TemporaryDirectory Workspace()
    {
        var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Combine("scenarios"));
        Directory.CreateDirectory(directory.Combine("baselines"));
        WriteScenario(directory, "alpha", Clip, "reference://detector-v1-degraded");
        WriteScenario(directory, "beta", Clip, "reference://detector-v1");
        WriteScenario(directory, "gamma", OtherClip, "reference://detector-v1");
        return directory;
    }

    /// <summary>alpha runs the degraded model against the verified run of the good one: a regression, flips and a review clip.</summary>
    private static void AcceptAlphaBaselineOfTheUndegradedModel(TemporaryDirectory directory)
    {
        var scenarios = directory.Combine("prepare");
        Directory.CreateDirectory(scenarios);
        File.WriteAllText(Path.Combine(scenarios, "alpha.yaml"), ScenarioYaml.Create("alpha", Clip, "reference://detector-v1"));
        var options = new SuiteOptions(scenarios, directory.Combine("baselines"), RepositoryPaths.Cache, null, [], RunKind.PullRequest, IsCi: false) { ResultsDirectory = directory.Combine("prepare-results") };
        GateSuite.RunOne(ScenarioLoader.LoadFile(Path.Combine(scenarios, "alpha.yaml")), options);
        Assert.True(new BaselineStore(directory.Combine("baselines")).Accept("alpha"));
        Directory.Delete(scenarios, recursive: true);
    }

    private static void WriteScenario(TemporaryDirectory directory, string id, string clip, string model) =>
        File.WriteAllText(directory.Combine("scenarios", id + ".yaml"), ScenarioYaml.Create(id, clip, model));


    private static Dictionary<string, byte[]> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.Combine(Path.GetFileName(directory), Path.GetRelativePath(directory, f)), File.ReadAllBytes, StringComparer.Ordinal);

    private static void AssertSameFiles(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs between the sequential and the parallel run");
        }
    }

    private static List<string> HistoryRows(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT id, scenario, metric, value, git_commit, run FROM metrics ORDER BY id";
        using var reader = query.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var metric = reader.GetString(2);
            var value = MetricNames.IsTiming(metric) ? "measured" : reader.GetDouble(3).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            rows.Add($"{reader.GetInt64(0)} {reader.GetString(1)} {metric} {value} {reader.GetString(4)} {reader.GetString(5)}");
        }

        return rows;
    }
}
