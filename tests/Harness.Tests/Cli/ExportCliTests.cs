using Harness.TestKit;
using Harness.Tests.Testing;

namespace Harness.Tests.Cli;

/// <summary><c>harness run</c> says where its report and results are; <c>harness export</c> writes from those results.</summary>
public sealed class ExportCliTests
{
    [Fact]
    public void Run_prints_where_the_report_is_and_export_writes_the_csv_from_its_results()
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Combine("scenarios"));
        File.WriteAllText(directory.Combine("scenarios", "tiny.yaml"), ScenarioYaml.Create("tiny", gated: false));

        var run = HarnessCli.Run(directory.Path, ci: false, "run", "--cache", "cache", "--history", "history.sqlite");
        var export = HarnessCli.Run(directory.Path, ci: false, "export", "--format", "csv", "--out", "tiny.csv");

        Assert.Contains($"report   {Path.Combine("artifacts", "report", "index.html")}\n", run.Output, StringComparison.Ordinal);
        Assert.Contains($"summary  {Path.Combine("artifacts", "report", "summary.md")}\n", run.Output, StringComparison.Ordinal);
        Assert.Contains($"results  {Path.Combine("artifacts", "results")}  (harness report, harness export --format coco|kitti|csv)\n", run.Output, StringComparison.Ordinal);
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Equal("tiny: wrote tiny.csv\n", export.Output);
        Assert.StartsWith("frame,source,timestamp_ns,class,score,x1,y1,x2,y2\n0,/camera/front@", File.ReadAllText(directory.Combine("tiny.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_without_results_exits_2_naming_the_folder()
    {
        using var directory = new TemporaryDirectory();

        var export = HarnessCli.Run(directory.Path, ci: false, "export", "--format", "coco", "--results", "nowhere");

        Assert.Equal(2, export.ExitCode);
        Assert.Equal("nowhere: no such results folder\n", export.Error);
    }
}
