using System.Text.Json;
using Harness.Reporting;
using Harness.TestKit;
using Harness.Tests.Testing;

namespace Harness.Tests.Cli;

/// <summary>The report's trend plots from the history the runs recorded, and <c>harness history --plot</c>.</summary>
public sealed class TrendCliTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    [Fact]
    public void After_three_recorded_runs_the_report_plots_each_gated_metric_and_history_draws_it()
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Combine("scenarios"));
        File.WriteAllText(directory.Combine("scenarios", "tiny.yaml"), ScenarioYaml.Create("tiny"));
        Run(directory);
        Assert.Equal(0, HarnessCli.Run(directory.Path, ci: false, "accept").ExitCode);
        Run(directory);
        Run(directory);

        var last = Run(directory);

        Assert.True(last.ExitCode == SuiteReport.ExitPass, last.ToString());
        using var bundle = JsonDocument.Parse(File.ReadAllText(directory.Combine("artifacts", "results", "tiny", "bundle.json")));
        var trend = bundle.RootElement.GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal(3, trend.Count);
        Assert.All(trend, point => Assert.Equal("coco/AP", point.GetProperty("metric").GetString()));
        Assert.False(trend[0].TryGetProperty("baseline", out _), "the first run had no baseline");
        Assert.Equal(trend[1].GetProperty("value").GetDouble(), trend[2].GetProperty("baseline").GetDouble(), 5);
        var page = File.ReadAllText(directory.Combine("artifacts", "report", "index.html"));
        Assert.Contains("<h3>Trends</h3>", page, StringComparison.Ordinal);
        Assert.Contains("<img src=\"tiny/trend-0.png\" alt=\"trend of coco/AP\">", page, StringComparison.Ordinal);
        Assert.Equal(PngSignature, File.ReadAllBytes(directory.Combine("artifacts", "report", "tiny", "trend-0.png"))[..4]);

        var history = HarnessCli.Run(directory.Path, ci: false, "history", "--scenario", "tiny", "--metric", "coco/AP", "--plot", "trend.png");

        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.Equal(PngSignature, File.ReadAllBytes(directory.Combine("trend.png"))[..4]);
    }

    private static CliResult Run(TemporaryDirectory directory) => HarnessCli.Run(directory.Path, ci: false, "run");
}
