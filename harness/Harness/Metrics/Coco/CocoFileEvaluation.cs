using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Harness.Metrics.Tide;

namespace Harness.Metrics.Coco;

/// <summary>File-level COCO bbox evaluation (what <c>harness eval-coco</c> runs) and its JSON output.</summary>
public static class CocoFileEvaluation
{
    /// <summary>Evaluates a results file against an instances file, as COCO(gt).loadRes(dt) + COCOeval(bbox) would.</summary>
    /// <exception cref="CocoFormatException">A file is missing, is not valid JSON, is not COCO-shaped, or a detection names an unknown image.</exception>
    public static CocoEvaluationResult EvaluateFiles(string truthJsonPath, string detectionsJsonPath)
    {
        var (truth, detections) = ReadFiles(truthJsonPath, detectionsJsonPath);
        return CocoEvaluator.Evaluate(truth, detections);
    }

    /// <summary>The two files as <see cref="EvaluateFiles"/> reads and checks them, for a caller that evaluates them more than one way.</summary>
    /// <exception cref="CocoFormatException">A file is missing, is not valid JSON, is not COCO-shaped, or a detection names an unknown image.</exception>
    internal static (CocoGroundTruth Truth, IReadOnlyList<CocoDetection> Detections) ReadFiles(string truthJsonPath, string detectionsJsonPath)
    {
        var truth = CocoJsonReader.ReadGroundTruth(truthJsonPath);
        return (truth, CocoJsonReader.ReadDetections(detectionsJsonPath, truth));
    }

    /// <summary>
    /// <c>{"stats":{"AP":...,...},"per_category_AP":{"1":...}}</c>: stats in summarize() order, categories by ascending
    /// id, doubles in shortest round-trip form, independent of culture.
    /// </summary>
    public static string ToJson(CocoEvaluationResult result) => ToJson(result, tide: null);

    /// <summary>The JSON of <see cref="ToJson(CocoEvaluationResult)"/>, then TIDE's breakdown under <c>"tide"</c> when given (<see cref="TideJson"/>).</summary>
    internal static string ToJson(CocoEvaluationResult result, (IReadOnlyList<int> CategoryIds, TideEvaluation Evaluation)? tide)
    {
        ArgumentNullException.ThrowIfNull(result);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("stats");
            foreach (var (name, value) in result.Stats.ToNamedValues())
            {
                writer.WriteNumber(name, value);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("per_category_AP");
            foreach (var (id, value) in result.PerCategoryAP.OrderBy(p => p.Key))
            {
                writer.WriteNumber(id.ToString(CultureInfo.InvariantCulture), value);
            }

            writer.WriteEndObject();
            if (tide is var (categoryIds, evaluation))
            {
                writer.WritePropertyName("tide");
                TideJson.Write(writer, categoryIds, evaluation);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
