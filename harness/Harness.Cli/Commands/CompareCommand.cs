using System.CommandLine;
using Harness.Reporting;
using Harness.Scenarios;
using Harness.Suite;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness compare</c>: a candidate model, or the same model with other settings, against each named scenario as
/// written, judged as the gate judges a change (verdict table, intervals, flips, reports) with no accept step and
/// nothing written under <c>baselines/</c>. Replays are cached, so comparing again re-infers only what changed.
/// Exit codes as <c>harness run</c>.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var scenarios = new Option<string>("--scenarios") { Description = "Folder of scenario YAML files", DefaultValueFactory = _ => "scenarios" };
        var ids = new Option<string[]>("--scenario") { Description = "The scenarios to compare on", Required = true, AllowMultipleArgumentsPerToken = true };
        var candidate = new Option<string?>("--candidate") { Description = "The candidate model, as a scenario's model.source takes it: an ONNX file or a reference:// model" };
        var settings = new Option<string[]>("--set") { Description = "A scenario setting changed for the candidate, e.g. postprocess.score_threshold=0.3 (repeatable)" };
        var cache = ReportCommand.CacheOption();
        var report = new Option<string>("--report") { Description = "Folder for the comparison's Markdown and HTML reports", DefaultValueFactory = _ => Path.Combine("artifacts", "compare", "report") };
        var results = new Option<string>("--results") { Description = "Folder the comparison's result bundles are written to", DefaultValueFactory = _ => Path.Combine("artifacts", "compare", "results") };
        var run = new Option<string>("--run") { Description = "Kind of run, selects timing gates: pr or nightly", DefaultValueFactory = _ => "pr" };
        run.AcceptOnlyFromAmong("pr", "nightly");
        var strict = new Option<bool>("--strict") { Description = "Fail on a possible regression of a gated metric" };
        var parallel = new Option<int?>("--parallel") { Description = "Scenarios compared at once (default: the cores divided by the scenarios' intra-op threads)" };
        var sweep = new Option<string?>("--sweep")
        {
            Description = "Instead of a verdict: precision, recall, F1 and false positives per frame of each class at every score threshold from one replay, e.g. postprocess.score_threshold=0.1:0.6:0.05, and the threshold that keeps the scenario's recall at the fewest false positives",
        };

        var command = new Command("compare", "Compare a candidate model or settings with each scenario as written: the gate's verdict without an accept step or baseline files")
        {
            scenarios, ids, candidate, settings, cache, report, results, run, strict, parallel, sweep,
        };
        command.SetAction(parse =>
        {
            ScenarioVariant variant;
            try
            {
                variant = new ScenarioVariant(parse.GetValue(candidate), [.. (parse.GetValue(settings) ?? []).Select(SettingOverride.Parse)]);
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine(e.Message);
                return SuiteReport.ExitInputError;
            }

            SweepRange? range;
            try
            {
                range = parse.GetValue(sweep) is { } text ? SweepRange.Parse(text) : null;
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine(e.Message);
                return SuiteReport.ExitInputError;
            }

            if (variant.IsEmpty && range is null)
            {
                Console.Error.WriteLine("nothing to compare: give the candidate model (--candidate) and/or the settings it changes (--set key=value), or a --sweep");
                return SuiteReport.ExitInputError;
            }

            if (parse.GetValue(parallel) is < 1)
            {
                Console.Error.WriteLine($"--parallel {parse.GetValue(parallel)}: the number of scenarios compared at once must be at least 1");
                return SuiteReport.ExitInputError;
            }

            var options = new SuiteOptions(
                parse.GetValue(scenarios)!,
                BaselinesDirectory: "",
                parse.GetValue(cache)!,
                Tag: null,
                parse.GetValue(ids)!,
                parse.GetValue(run) == "nightly" ? RunKind.Nightly : RunKind.PullRequest,
                SuiteOptions.CiFromEnvironment(),
                parse.GetValue(strict))
            {
                Candidate = variant.IsEmpty ? null : variant,
                Parallel = parse.GetValue(parallel),
                ResultsDirectory = parse.GetValue(results)!,
                ReviewImages = Suite.ReviewImages.Always,
            };
            return range is null ? Execute(options, parse.GetValue(report)!) : Sweep(options, range, parse.GetValue(report)!);
        });
        return command;
    }

    private static int Sweep(SuiteOptions options, SweepRange range, string reportDirectory)
    {
        var console = new ConsoleReporter(Console.Out, Console.Error);
        return Guarded(() =>
        {
            var sweeps = console.WithProgress(progress => ScoreThresholdSweep.Run(options, range, progress));
            Console.Write(SweepReport.Markdown(sweeps));
            SweepReport.Write(reportDirectory, sweeps);
            Console.WriteLine($"sweep    {Path.Combine(reportDirectory, SweepReport.MarkdownFile)}, {Path.Combine(reportDirectory, SweepReport.JsonFile)}");
            return sweeps.Any(s => s.Error is not null) ? SuiteReport.ExitInputError : SuiteReport.ExitPass;
        });
    }

    private static int Execute(SuiteOptions options, string reportDirectory)
    {
        var console = new ConsoleReporter(Console.Out, Console.Error);
        IReporter[] reporters = [console, .. ReportCommand.FileReporters(reportDirectory, options.CacheDirectory)];
        return Guarded(() =>
        {
            var suite = console.WithProgress(progress => GateSuite.Run(options, reporters, progress, Console.Error));
            ReportCommand.WriteLocations(reporters, options.ResultsDirectory, suite);
            return suite.ExitCode;
        });
    }

    private static int Guarded(Func<int> run)
    {
        try
        {
            return run();
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
