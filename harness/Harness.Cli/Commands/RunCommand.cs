using System.CommandLine;
using Harness.Gate;
using Harness.History;
using Harness.Reporting;
using Harness.Scenarios;
using Harness.Suite;

namespace Harness.Cli.Commands;

/// <summary><c>harness run</c>: the gate. Exit 0 pass, 1 regression, 2 configuration or input error.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var scenarios = new Option<string>("--scenarios") { Description = "Folder of scenario YAML files", DefaultValueFactory = _ => "scenarios" };
        var baselines = new Option<string>("--baselines") { Description = "Folder of verified baselines", DefaultValueFactory = _ => "baselines" };
        var cache = new Option<string>("--cache") { Description = "Folder for generated clips and models", DefaultValueFactory = _ => Path.Combine("artifacts", "cache") };
        var report = new Option<string>("--report") { Description = "Folder for the Markdown and HTML reports", DefaultValueFactory = _ => Path.Combine("artifacts", "report") };
        var tag = new Option<string?>("--tag") { Description = "Run only scenarios with this tag (pr, nightly, canary)" };
        var ids = new Option<string[]>("--scenario") { Description = "Run only these scenario ids", AllowMultipleArgumentsPerToken = true };
        var history = new Option<string>("--history") { Description = "SQLite file every run appends its metrics to", DefaultValueFactory = _ => HistoryCommand.DefaultPath };
        var run = new Option<string>("--run") { Description = "Kind of run, selects timing gates: pr or nightly", DefaultValueFactory = _ => "pr" };
        run.AcceptOnlyFromAmong("pr", "nightly");
        var strict = new Option<bool>("--strict") { Description = "Fail on a possible regression of a gated metric (point estimate beyond the allowance, interval not), not only warn" };

        var parallel = new Option<int?>("--parallel")
        {
            Description = "Scenarios replayed at once (default: the cores divided by the scenarios' intra-op threads); results do not depend on it",
        };

        var command = new Command("run", "Replay scenarios, compare every metric with its baseline, and report") { scenarios, baselines, cache, report, tag, ids, run, strict, parallel, history };
        command.SetAction(parse =>
        {
            var options = new SuiteOptions(
                parse.GetValue(scenarios)!,
                parse.GetValue(baselines)!,
                parse.GetValue(cache)!,
                parse.GetValue(tag),
                parse.GetValue(ids) ?? [],
                parse.GetValue(run) == "nightly" ? RunKind.Nightly : RunKind.PullRequest,
                GatePolicy.CiFromEnvironment(),
                parse.GetValue(strict))
            {
                Parallel = parse.GetValue(parallel),
            };
            if (options.Parallel is < 1)
            {
                Console.Error.WriteLine($"--parallel {options.Parallel}: the number of scenarios replayed at once must be at least 1");
                return SuiteReport.ExitInputError;
            }

            return Execute(options, parse.GetValue(report)!, parse.GetValue(history)!);
        });
        return command;
    }

    private static int Execute(SuiteOptions options, string reportDirectory, string historyPath)
    {
        var console = new ConsoleReporter(Console.Out, Console.Error);
        IReporter[] reporters =
        [
            console,
            new MarkdownReporter(reportDirectory),
            new HtmlReporter(reportDirectory),
            new ReviewClipReporter(reportDirectory, options.CacheDirectory),
            new HistoryReporter(new HistoryStore(historyPath), GitCommit.Current(), DateTimeOffset.UtcNow),
        ];
        try
        {
            var suite = console.WithProgress(progress => GateSuite.Run(options, reporters, progress, Console.Error));
            if (suite.Scenarios.Count == 0)
            {
                Console.Error.WriteLine($"no scenarios selected in {options.ScenariosDirectory}");
                return SuiteReport.ExitInputError;
            }

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
