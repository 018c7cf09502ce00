using System.CommandLine;
using System.Globalization;
using Harness.Metrics.Coco;
using Harness.Reporting;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness eval-coco</c>: COCO bbox evaluation of COCO-format files, so users can check the harness's numbers
/// against pycocotools on their own data.
/// </summary>
internal static class EvalCocoCommand
{
    public static Command Create()
    {
        var truth = new Option<string>("--truth") { Description = "Ground truth in COCO instances format", Required = true };
        var detections = new Option<string>("--detections") { Description = "Detections in COCO results format", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the stats and per-category AP as JSON" };
        var command = new Command("eval-coco", "Evaluate COCO detections against ground truth with pycocotools semantics") { truth, detections, json };
        command.SetAction(parse => Execute(parse.GetValue(truth)!, parse.GetValue(detections)!, parse.GetValue(json)));
        return command;
    }

    private static int Execute(string truthPath, string detectionsPath, bool json)
    {
        CocoEvaluationResult result;
        try
        {
            result = CocoFileEvaluation.EvaluateFiles(truthPath, detectionsPath);
        }
        catch (CocoFormatException e)
        {
            Console.Error.WriteLine(e.Message);
            return SuiteReport.ExitInputError;
        }

        if (json)
        {
            Console.WriteLine(CocoFileEvaluation.ToJson(result));
            return SuiteReport.ExitPass;
        }

        foreach (var (name, value) in result.Stats.ToNamedValues())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-10} {value:0.000}"));
        }

        foreach (var (category, value) in result.PerCategoryAP.OrderBy(p => p.Key))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"AP[{category}]{"",-3} {value:0.000}"));
        }

        return SuiteReport.ExitPass;
    }
}
