using System.Text.Json;

namespace Harness.Metrics.Nuscenes;

/// <summary>
/// Reads a config in the devkit's DetectionConfig JSON format (every field required, as its deserialize requires),
/// with the devkit's own checks: the class ranges name exactly its ten classes, the TP threshold is one of the AP
/// thresholds, the distance function is <c>center_distance</c> (the only one it knows), 0 &lt;= min_precision &lt; 1
/// and 0 &lt;= min_recall &lt;= 1.
/// </summary>
internal static class NuscenesConfigReader
{
    public static NuscenesConfig Read(string path)
    {
        var bytes = JsonFileTokens.ReadFile(path, NuscenesFormatException.Factory);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.AsMemory(bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0));
        }
        catch (JsonException e)
        {
            throw Error(path, $"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Error(path, "the config must be a JSON object (the devkit's detection config format)");
            }

            var ranges = ReadClassRanges(path, Field(path, root, "class_range"));
            var distanceFunction = Field(path, root, "dist_fcn");
            if (distanceFunction.ValueKind != JsonValueKind.String || distanceFunction.GetString() != "center_distance")
            {
                throw Error(path, "dist_fcn must be \"center_distance\" (the only distance function the devkit knows)");
            }

            var thresholds = Field(path, root, "dist_ths");
            if (thresholds.ValueKind != JsonValueKind.Array || thresholds.GetArrayLength() == 0)
            {
                throw Error(path, "dist_ths must be a non-empty array of distances in metres");
            }

            var distances = thresholds.EnumerateArray().Select((t, k) => Positive(path, t, $"dist_ths[{k}]")).ToList();
            var tpThreshold = Positive(path, Field(path, root, "dist_th_tp"), "dist_th_tp");
            if (!distances.Contains(tpThreshold))
            {
                throw Error(path, "dist_th_tp must be one of dist_ths");
            }

            var minRecall = Number(path, Field(path, root, "min_recall"), "min_recall");
            if (minRecall is < 0 or > 1)
            {
                throw Error(path, "min_recall must be in [0, 1]");
            }

            var minPrecision = Number(path, Field(path, root, "min_precision"), "min_precision");
            if (minPrecision is < 0 or >= 1)
            {
                throw Error(path, "min_precision must be in [0, 1)");
            }

            var maxBoxes = Field(path, root, "max_boxes_per_sample");
            if (!maxBoxes.TryGetInt32(out var maxBoxesPerSample) || maxBoxesPerSample <= 0)
            {
                throw Error(path, "max_boxes_per_sample must be a positive integer");
            }

            var weight = Number(path, Field(path, root, "mean_ap_weight"), "mean_ap_weight");
            return new NuscenesConfig(ranges, distances, tpThreshold, minRecall, minPrecision, maxBoxesPerSample, weight);
        }
    }

    private static List<KeyValuePair<string, double>> ReadClassRanges(string path, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, "class_range must be an object of class name to range in metres");
        }

        var ranges = element.EnumerateObject().Select(p => new KeyValuePair<string, double>(p.Name, Positive(path, p.Value, $"class_range.{p.Name}"))).ToList();
        var names = ranges.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        if (names.Count != ranges.Count || !names.SetEquals(NuscenesConfig.DetectionNames))
        {
            throw Error(path, $"class_range must name each of the devkit's classes once: {string.Join(", ", NuscenesConfig.DetectionNames)}");
        }

        return ranges;
    }

    private static JsonElement Field(string path, JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value : throw Error(path, $"missing field '{name}'");

    private static double Number(string path, JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw Error(path, $"{name} must be a finite number");

    private static double Positive(string path, JsonElement element, string name)
    {
        var value = Number(path, element, name);
        return value > 0 ? value : throw Error(path, $"{name} must be positive");
    }

    private static NuscenesFormatException Error(string path, string problem) => new(path, problem);
}
