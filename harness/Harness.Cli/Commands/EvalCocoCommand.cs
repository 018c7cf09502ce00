using System.CommandLine;
using System.Globalization;
using Harness.Metrics.Coco;
using Harness.Metrics.Tide;
using Harness.Reporting;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness eval-coco</c>: COCO bbox evaluation of COCO-format files, so users can check the harness's numbers
/// against pycocotools on their own data; with <c>--tide</c>, also TIDE's breakdown of the AP50 lost by error type.
/// </summary>
internal static class EvalCocoCommand
{
    public static Command Create()
    {
        var truth = new Option<string>("--truth") { Description = "Ground truth in COCO instances format", Required = true };
        var detections = new Option<string>("--detections") { Description = "Detections in COCO results format", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the stats and per-category AP as JSON" };
        var tide = new Option<bool>("--tide")
        {
            Description = "Also print TIDE's error breakdown (docs/metrics.md): the AP50 each error type costs (dAP) and how many boxes have it",
        };
        var command = new Command("eval-coco", "Evaluate COCO detections against ground truth with pycocotools semantics") { truth, detections, json, tide };
        command.SetAction(parse => Execute(parse.GetValue(truth)!, parse.GetValue(detections)!, parse.GetValue(json), parse.GetValue(tide)));
        return command;
    }

    private static int Execute(string truthPath, string detectionsPath, bool json, bool withTide)
    {
        CocoEvaluationResult result;
        (IReadOnlyList<int> CategoryIds, TideEvaluation Evaluation)? tide = null;
        try
        {
            var (truth, detections) = CocoFileEvaluation.ReadFiles(truthPath, detectionsPath);
            result = CocoEvaluator.Evaluate(truth, detections);
            if (withTide)
            {
                tide = TideCoco.Evaluate(truth, detections);
            }
        }
        catch (CocoFormatException e)
        {
            Console.Error.WriteLine(e.Message);
            return SuiteReport.ExitInputError;
        }

        if (json)
        {
            Console.WriteLine(CocoFileEvaluation.ToJson(result, tide));
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

        if (tide is var (categoryIds, evaluation))
        {
            PrintTide(categoryIds, evaluation);
        }

        return SuiteReport.ExitPass;
    }

    /// <summary>One row of AP50 and dAPs per scope, the pooled one first, each followed by its error counts.</summary>
    private static void PrintTide(IReadOnlyList<int> categoryIds, TideEvaluation evaluation)
    {
        Console.WriteLine();
        Console.WriteLine($"{"TIDE",-10} {"AP50",6}{string.Concat(TideNames.All.Select(name => $" {name,6}"))}");
        if (evaluation.Pooled is { } pooled)
        {
            PrintScope("all", pooled);
        }

        for (var k = 0; k < categoryIds.Count; k++)
        {
            if (evaluation.Classes[k] is { } breakdown)
            {
                PrintScope(string.Create(CultureInfo.InvariantCulture, $"AP[{categoryIds[k]}]"), breakdown);
            }
        }
    }

    private static void PrintScope(string scope, TideBreakdown breakdown)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scope,-10} {breakdown.Ap,6:0.000}{string.Concat(TideNames.Errors.Select(e => string.Create(CultureInfo.InvariantCulture, $" {breakdown.LostTo(e),6:0.000}")))}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"  count",-10} {"",6}{string.Concat(TideNames.Errors.Select(e => string.Create(CultureInfo.InvariantCulture, $" {breakdown.CountOf(e),6}")))}"));
    }
}
