using System.CommandLine;
using Harness.Export;
using Harness.Reporting;
using Harness.Suite;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness export</c>: a run's detections (or its baselines', <c>--baseline</c>) as COCO results with their truth,
/// KITTI label files or CSV, for the user's own tools. Exit 0 when every scenario was exported, 2 otherwise.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var results = ReportCommand.ResultsOption("Results folder written by 'harness run'");
        var format = new Option<string>("--format")
        {
            Description = "Export format: " + string.Join("; ", ExportFormats.All.Select(f => $"{f.Name} ({f.Description})")),
            Required = true,
        };
        format.AcceptOnlyFromAmong([.. ExportFormats.All.Select(f => f.Name)]);
        var ids = new Option<string[]>("--scenario") { Description = "Export only these scenario ids (default: every scenario of the results)", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string?>("--out") { Description = "Where to write: the file (a folder for kitti) when one scenario is exported, a folder for several (default: the current folder, one <id>.<format> each)" };
        var baseline = new Option<bool>("--baseline") { Description = "Export the verified baseline's detections the run was compared with, not the run's" };
        var command = new Command("export", "Write a results folder's detections in a format other tools read (COCO, KITTI, CSV)") { results, format, ids, output, baseline };
        command.SetAction(parse => Execute(parse.GetValue(results)!, ExportFormats.Named(parse.GetValue(format)!), parse.GetValue(ids) ?? [], parse.GetValue(output), parse.GetValue(baseline)));
        return command;
    }

    private static int Execute(string results, IExportFormat format, string[] ids, string? output, bool baseline)
    {
        IReadOnlyList<ScenarioExport> exports;
        try
        {
            exports = ResultsExport.Run(results, format, ids, output, baseline);
        }
        catch (HarnessInputException e)
        {
            Console.Error.WriteLine(e.Message);
            return SuiteReport.ExitInputError;
        }

        foreach (var export in exports)
        {
            if (export.Error is { } error)
            {
                Console.Error.WriteLine($"{export.ScenarioId}: not exported: {error}");
            }
            else
            {
                Console.WriteLine($"{export.ScenarioId}: wrote {Describe(export.Files)}");
            }
        }

        return exports.Any(e => e.Error is not null) ? SuiteReport.ExitInputError : SuiteReport.ExitPass;
    }

    private static string Describe(IReadOnlyList<string> files) =>
        files.Count <= 2 ? string.Join(" and ", files) : $"{files.Count} files in {Path.GetDirectoryName(files[0])}";
}
