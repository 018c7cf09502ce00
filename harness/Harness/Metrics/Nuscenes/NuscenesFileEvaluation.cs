using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Harness.Metrics.Nuscenes;

/// <summary>File-level nuScenes detection evaluation (what <c>harness eval-nuscenes</c> runs) and its JSON output.</summary>
internal static class NuscenesFileEvaluation
{
    /// <summary>Reads the truth, then the predictions against it, then evaluates them with <paramref name="config"/>.</summary>
    /// <exception cref="NuscenesFormatException">A file is missing, not JSON, or not a submission the devkit would accept.</exception>
    public static NuscenesEvaluationResult EvaluateFiles(string truthJsonPath, string predictionsJsonPath, NuscenesConfig config)
    {
        var truth = NuscenesSubmissionReader.ReadTruth(truthJsonPath, config);
        var predictions = NuscenesSubmissionReader.ReadPredictions(predictionsJsonPath, config, truth);
        return NuscenesEvaluator.Evaluate(truth, predictions, config);
    }

    /// <summary>
    /// The devkit's metrics.json names: <c>mAP</c>, <c>NDS</c>, <c>tp_errors</c>, <c>tp_scores</c>, and per class
    /// <c>label_aps</c> (keyed by the threshold as Python prints it, "0.5", "1.0"), <c>label_tp_errors</c> and
    /// <c>label_counts</c>; every class of the config, in its order. A TP error the devkit does not evaluate (NaN) is
    /// null. Doubles in shortest round-trip form.
    /// </summary>
    public static string ToJson(NuscenesEvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("mAP", result.MeanAveragePrecision);
            writer.WriteNumber("NDS", result.DetectionScore);
            WriteTpValues(writer, "tp_errors", result.TpErrors);
            WriteTpValues(writer, "tp_scores", result.TpScores);
            writer.WriteStartObject("label_aps");
            foreach (var label in result.Classes)
            {
                writer.WriteStartObject(label.Name);
                for (var k = 0; k < label.AveragePrecisions.Count; k++)
                {
                    writer.WriteNumber(ThresholdKey(result.Config.DistanceThresholds[k]), label.AveragePrecisions[k]);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("label_tp_errors");
            foreach (var label in result.Classes)
            {
                WriteTpValues(writer, label.Name, label.TpErrors);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("label_counts");
            foreach (var label in result.Classes)
            {
                writer.WriteStartObject(label.Name);
                writer.WriteNumber("truth", label.TruthCount);
                writer.WriteNumber("predictions", label.PredictionCount);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A distance threshold as Python's str(float) writes it, the devkit's key: 0.5, 1.0, 2.0.</summary>
    public static string ThresholdKey(double threshold)
    {
        var text = threshold.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    private static void WriteTpValues(Utf8JsonWriter writer, string name, IReadOnlyList<double> values)
    {
        writer.WriteStartObject(name);
        foreach (var metric in NuscenesTpMetrics.All)
        {
            var value = values[(int)metric];
            if (double.IsNaN(value))
            {
                writer.WriteNull(NuscenesTpMetrics.Name(metric));
            }
            else
            {
                writer.WriteNumber(NuscenesTpMetrics.Name(metric), value);
            }
        }

        writer.WriteEndObject();
    }
}
