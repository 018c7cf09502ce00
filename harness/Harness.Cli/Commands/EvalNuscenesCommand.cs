using System.CommandLine;
using System.Globalization;
using Harness.Metrics.Nuscenes;
using Harness.Reporting;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness eval-nuscenes</c>: nuScenes detection metrics (mAP, NDS, AP per class and distance, TP errors) of
/// submission-format files, as the official devkit computes them (docs/metrics.md).
/// </summary>
internal static class EvalNuscenesCommand
{
    public static Command Create()
    {
        var truth = new Option<string>("--truth") { Description = "Ground truth as a nuScenes submission file (boxes in the ego frame, num_pts optional)", Required = true };
        var detections = new Option<string>("--detections") { Description = "Detections as a nuScenes submission file", Required = true };
        var config = new Option<string?>("--config") { Description = "A detection config in the devkit's JSON format (default: detection_cvpr_2019)" };
        var json = new Option<bool>("--json") { Description = "Print mAP, NDS, per-class AP and TP errors as JSON" };
        var command = new Command("eval-nuscenes", "Evaluate 3D detections with the nuScenes detection metrics (mAP, NDS), as the official devkit does")
        {
            truth, detections, config, json,
        };
        command.SetAction(parse => Execute(parse.GetValue(truth)!, parse.GetValue(detections)!, parse.GetValue(config), parse.GetValue(json)));
        return command;
    }

    private static int Execute(string truthPath, string detectionsPath, string? configPath, bool json)
    {
        NuscenesEvaluationResult result;
        try
        {
            var config = configPath is null ? NuscenesConfig.Cvpr2019 : NuscenesConfigReader.Read(configPath);
            result = NuscenesFileEvaluation.EvaluateFiles(truthPath, detectionsPath, config);
        }
        catch (NuscenesFormatException e)
        {
            Console.Error.WriteLine(e.Message);
            return SuiteReport.ExitInputError;
        }

        Console.WriteLine(json ? NuscenesFileEvaluation.ToJson(result) : Table(result));
        return SuiteReport.ExitPass;
    }

    /// <summary>mAP and NDS, then one row per class (AP at each distance, TP errors; n/a where the devkit does not evaluate one), then the means.</summary>
    private static string Table(NuscenesEvaluationResult result)
    {
        var thresholds = result.Config.DistanceThresholds;
        var lines = new List<string>
        {
            Format($"mAP  {result.MeanAveragePrecision:0.0000}"),
            Format($"NDS  {result.DetectionScore:0.0000}"),
            string.Empty,
            Format($"{"class",-20} {"truth",6} {"dets",6}")
                + string.Concat(thresholds.Select(t => $" {"AP@" + NuscenesFileEvaluation.ThresholdKey(t),7}"))
                + string.Concat(NuscenesTpMetrics.All.Select(m => $" {NuscenesTpMetrics.Abbreviation(m),6}")),
        };
        foreach (var label in result.Classes)
        {
            lines.Add(Format($"{label.Name,-20} {label.TruthCount,6} {label.PredictionCount,6}")
                + string.Concat(label.AveragePrecisions.Select(ap => Format($" {ap,7:0.000}")))
                + string.Concat(label.TpErrors.Select(Error)));
        }

        lines.Add(Format($"{"mean",-20} {"",6} {"",6}")
            + string.Concat(thresholds.Select((_, k) => Format($" {result.Classes.Average(c => c.AveragePrecisions[k]),7:0.000}")))
            + string.Concat(result.TpErrors.Select(Error)));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Error(double value) => double.IsNaN(value) ? $" {"n/a",6}" : Format($" {value,6:0.000}");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
