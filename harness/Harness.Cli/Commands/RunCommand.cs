using System.CommandLine;
using Harness.History;
using Harness.Metrics;
using Harness.Reporting;
using Harness.Results;
using Harness.Scenarios;
using Harness.Suite;
using Microsoft.Data.Sqlite;

namespace Harness.Cli.Commands;

/// <summary><c>harness run</c>: the gate. Exit 0 pass, 1 regression, 2 configuration or input error.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var scenarios = new Option<string>("--scenarios") { Description = "Folder of scenario YAML files", DefaultValueFactory = _ => "scenarios" };
        var baselines = new Option<string>("--baselines") { Description = "Folder of verified baselines", DefaultValueFactory = _ => "baselines" };
        var cache = ReportCommand.CacheOption();
        var report = ReportCommand.ReportOption();
        var results = ReportCommand.ResultsOption("Folder the result bundles are written to, one folder per scenario");
        var shard = new Option<string?>("--shard") { Description = "Run only shard K of N (1-based, e.g. 2/4) of the selected scenarios; writes bundles for 'harness merge', no reports or history" };
        var tag = new Option<string?>("--tag") { Description = "Run only scenarios with this tag (pr, nightly, canary, or any tag of the team's own)" };
        var ids = new Option<string[]>("--scenario") { Description = "Run only these scenario ids", AllowMultipleArgumentsPerToken = true };
        var history = new Option<string>("--history") { Description = "SQLite file every run appends its metrics to (and shards are balanced by)", DefaultValueFactory = _ => HistoryCommand.DefaultPath };
        var run = new Option<string>("--run") { Description = "Kind of run, selects timing gates: pr or nightly", DefaultValueFactory = _ => "pr" };
        run.AcceptOnlyFromAmong("pr", "nightly");
        var reviewImages = new Option<string>("--review-images")
        {
            Description = "Which scenarios keep their review frames' images (JPEG) in their result bundles: needed (every scenario but an unchanged pass: one that passed without warnings against a baseline with no object flipped against it) or always",
            DefaultValueFactory = _ => "needed",
        };
        reviewImages.AcceptOnlyFromAmong("needed", "always");
        var strict = new Option<bool>("--strict") { Description = "Fail on a possible regression of a gated metric (point estimate beyond the allowance, interval not) even where statistics.possible_regression is warn" };

        var parallel = new Option<int?>("--parallel")
        {
            Description = "Scenarios replayed at once (default: the cores divided by the scenarios' intra-op threads); results do not depend on it",
        };

        var command = new Command("run", "Replay scenarios, compare every metric with its baseline, and report") { scenarios, baselines, cache, report, results, tag, ids, run, strict, parallel, history, shard, reviewImages };
        command.SetAction(parse =>
        {
            ShardSpec? part;
            try
            {
                part = parse.GetValue(shard) is { } text ? ShardSpec.Parse(text) : null;
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine(e.Message);
                return SuiteReport.ExitInputError;
            }

            var historyPath = parse.GetValue(history)!;
            IReadOnlyDictionary<string, double> replaySeconds;
            try
            {
                replaySeconds = part is null ? new Dictionary<string, double>() : new HistoryStore(historyPath).Latest(MetricNames.ReplaySeconds);
            }
            catch (SqliteException e)
            {
                Console.Error.WriteLine($"{historyPath}: not a readable history store, so shards cannot be balanced by it ({e.Message})");
                return SuiteReport.ExitInputError;
            }

            var options = new SuiteOptions(
                parse.GetValue(scenarios)!,
                parse.GetValue(baselines)!,
                parse.GetValue(cache)!,
                parse.GetValue(tag),
                parse.GetValue(ids) ?? [],
                parse.GetValue(run) == "nightly" ? RunKind.Nightly : RunKind.PullRequest,
                SuiteOptions.CiFromEnvironment(),
                parse.GetValue(strict))
            {
                Parallel = parse.GetValue(parallel),
                ResultsDirectory = parse.GetValue(results)!,
                ReviewImages = parse.GetValue(reviewImages) == "always" ? ReviewImages.Always : ReviewImages.Needed,
                Shard = part,
                ReplaySeconds = replaySeconds,
                History = new HistoryStore(historyPath),
            };
            if (options.Parallel is < 1)
            {
                Console.Error.WriteLine($"--parallel {options.Parallel}: the number of scenarios replayed at once must be at least 1");
                return SuiteReport.ExitInputError;
            }

            return Execute(options, parse.GetValue(report)!, historyPath);
        });
        return command;
    }

    private static int Execute(SuiteOptions options, string reportDirectory, string historyPath)
    {
        var console = new ConsoleReporter(Console.Out, Console.Error);
        IReporter[] reporters = options.Shard is null
            ? [console, .. ReportCommand.FileReporters(reportDirectory, options.CacheDirectory), new HistoryReporter(new HistoryStore(historyPath), GitCommit.Current(), DateTimeOffset.UtcNow)]
            : [console];
        try
        {
            var suite = console.WithProgress(progress => GateSuite.Run(options, reporters, progress, Console.Error));
            if (suite.Scenarios.Count == 0 && (options.Shard is null || ResultsFolder.ReadManifest(options.ResultsDirectory).Selection.Count == 0))
            {
                Console.Error.WriteLine($"no scenarios selected in {options.ScenariosDirectory}");
                return SuiteReport.ExitInputError;
            }

            ReportCommand.WriteLocations(reporters, options.ResultsDirectory, suite);
            return suite.ExitCode;
        }
        catch (ScenarioValidationException e)
        {
            Console.Error.WriteLine($"{e.Errors.Count} problem(s) in scenario files:");
            foreach (var error in e.Errors)
            {
                Console.Error.WriteLine("  " + error);
            }

            return SuiteReport.ExitInputError;
        }
    }
}
