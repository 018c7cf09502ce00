using System.CommandLine;
using Harness.Reporting;
using Harness.Results;
using Harness.Suite;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness report --results DIR</c>: renders summary.md, index.html and the review clips again from a results
/// folder alone, the same bytes its run wrote. Exit codes as <c>run</c>'s: the verdicts', 2 when the folder cannot be read.
/// </summary>
internal static class ReportCommand
{
    public static readonly string DefaultResults = Path.Combine("artifacts", "results");

    public static Option<string> ReportOption() =>
        new("--report") { Description = "Folder for the Markdown and HTML reports and the review clips", DefaultValueFactory = _ => Path.Combine("artifacts", "report") };

    public static Option<string> ResultsOption(string description) =>
        new("--results") { Description = description, DefaultValueFactory = _ => DefaultResults };

    public static Option<string> CacheOption() =>
        new("--cache") { Description = "Folder for generated clips and models (review clips re-read the clips)", DefaultValueFactory = _ => Path.Combine("artifacts", "cache") };

    /// <summary>The reports written to files, the same for <c>run</c>, <c>report</c> and <c>merge</c>.</summary>
    public static IReporter[] FileReporters(string reportDirectory, string cacheDirectory) =>
    [
        new MarkdownReporter(reportDirectory),
        new HtmlReporter(reportDirectory),
        new ReviewClipReporter(reportDirectory, new ClipReopener(cacheDirectory)),
    ];

    public static Command Create()
    {
        var results = ResultsOption("Results folder written by 'harness run'");
        var report = ReportOption();
        var cache = CacheOption();
        var command = new Command("report", "Render the reports again from a results folder's bundles") { results, report, cache };
        command.SetAction(parse =>
        {
            IReporter[] reporters = [new ConsoleReporter(Console.Out, Console.Error), .. FileReporters(parse.GetValue(report)!, parse.GetValue(cache)!)];
            return Execute(() =>
            {
                var suite = GateSuite.Report(parse.GetValue(results)!, reporters, Console.Error);
                WriteLocations(reporters, parse.GetValue(results)!, suite);
                return suite;
            });
        });
        return command;
    }

    /// <summary>The last lines of a run: where to open the report and where the results a later command reads are.</summary>
    public static void WriteLocations(IEnumerable<IReporter> reporters, string results, SuiteReport suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        foreach (var reporter in reporters)
        {
            var (label, path) = reporter switch
            {
                HtmlReporter html => ("report ", html.OutputPath),
                MarkdownReporter markdown => ("summary", markdown.OutputPath),
                _ => ("", ""),
            };
            if (path.Length > 0 && !suite.FailedReporters.Contains(reporter.Name) && File.Exists(path))
            {
                Console.WriteLine($"{label}  {path}");
            }
        }

        if (Directory.Exists(results))
        {
            Console.WriteLine($"results  {results}  (harness report, harness export --format coco|kitti|csv)");
        }
    }

    /// <summary>A results folder that cannot be read is one clear message and exit 2, never a stack trace.</summary>
    public static int Execute(Func<SuiteReport> render)
    {
        try
        {
            return render().ExitCode;
        }
        catch (ResultsFormatException e)
        {
            Console.Error.WriteLine(e.Message);
            return SuiteReport.ExitInputError;
        }
    }
}
