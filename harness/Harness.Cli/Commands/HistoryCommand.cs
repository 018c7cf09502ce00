using System.CommandLine;
using System.Globalization;
using Harness.History;
using Harness.Reporting;

namespace Harness.Cli.Commands;

/// <summary><c>harness history</c>: the recorded trend of one metric of one scenario.</summary>
internal static class HistoryCommand
{
    public static readonly string DefaultPath = Path.Combine("artifacts", "history", "metrics.sqlite");

    public static Command Create()
    {
        var scenario = new Option<string>("--scenario") { Description = "Scenario id", Required = true };
        var metric = new Option<string>("--metric") { Description = "Metric name, e.g. coco/AP", Required = true };
        var database = new Option<string>("--db") { Description = "History database", DefaultValueFactory = _ => DefaultPath };
        var plot = new Option<string?>("--plot") { Description = "Also draw the trend as a PNG to this file, as the HTML report draws a gated metric's (baseline acceptances marked)" };
        var command = new Command("history", "Print the recorded values of a metric, oldest first") { scenario, metric, database, plot };
        command.SetAction(parse => Execute(new HistoryStore(parse.GetValue(database)!), parse.GetValue(scenario)!, parse.GetValue(metric)!, parse.GetValue(plot)));
        return command;
    }

    private static int Execute(HistoryStore store, string scenario, string metric, string? plot)
    {
        var points = store.Trend(scenario, metric);
        if (points.Count == 0)
        {
            Console.Error.WriteLine($"no history for {scenario} {metric} in {store.Path}");
            return 2;
        }

        Console.WriteLine($"{scenario} {metric}");
        double? previous = null;
        foreach (var point in points)
        {
            var change = previous is { } p ? (point.Value - p).ToString("+0.######;-0.######;0", CultureInfo.InvariantCulture) : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {point.RecordedAt:yyyy-MM-dd HH:mm}  {point.Commit,-12}  {point.Run,-7}  {point.Value,12:0.######}  {change}"));
            previous = point.Value;
        }

        if (plot is not null)
        {
            try
            {
                File.WriteAllBytes(plot, Plots.Trend($"{scenario} {metric}", points, current: null, currentLabel: "")!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{plot}: the plot could not be written ({e.Message})");
                return 2;
            }

            Console.WriteLine($"plot     {plot}");
        }

        return 0;
    }
}
