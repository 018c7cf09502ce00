using System.CommandLine;
using Harness.History;
using Harness.Reporting;
using Harness.Suite;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness merge DIR...</c>: the results folders of every shard of a run become one verdict, one exit code (as
/// <c>run</c>'s), one report and one history append. Folders that are not exactly the shards of one run exit 2.
/// </summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var folders = new Argument<string[]>("results") { Description = "The results folder of every shard", Arity = ArgumentArity.OneOrMore };
        var report = ReportCommand.ReportOption();
        var cache = ReportCommand.CacheOption();
        var history = new Option<string>("--history") { Description = "SQLite file the merged run's metrics are appended to", DefaultValueFactory = _ => HistoryCommand.DefaultPath };
        var command = new Command("merge", "Merge the result bundles of a sharded run into one verdict and report") { folders, report, cache, history };
        command.SetAction(parse =>
        {
            IReporter[] reporters =
            [
                new ConsoleReporter(Console.Out, Console.Error),
                .. ReportCommand.FileReporters(parse.GetValue(report)!, parse.GetValue(cache)!),
                new HistoryReporter(new HistoryStore(parse.GetValue(history)!), GitCommit.Current(), DateTimeOffset.UtcNow),
            ];
            return ReportCommand.Execute(() => ShardMerge.Merge(parse.GetValue(folders)!, reporters, Console.Error));
        });
        return command;
    }
}
