using System.Text;
using System.Text.Json;

namespace Harness.Metrics.Nuscenes;

/// <summary>
/// Reads nuScenes submission files (<c>{"meta": ..., "results": {sample_token: [box, ...]}}</c>) for truth and for
/// predictions, with the checks the devkit's DetectionBox, load_prediction and DetectionEval make: a known class and
/// attribute, no NaN in translation, size, rotation, ego translation or score, at most the config's boxes per
/// predicted sample, and predictions only for samples of the truth. Also rejected here, where the devkit would fail
/// later or silently: a size that is not positive (its scale IoU asserts it), a sample listed twice, a box whose
/// <c>sample_token</c> differs from the sample it is listed under. Every problem is a
/// <see cref="NuscenesFormatException"/> naming the file and the box.
/// </summary>
internal static class NuscenesSubmissionReader
{
    private const string Shape = "a nuScenes submission must be a JSON object {\"meta\": ..., \"results\": {sample_token: [box, ...]}}";

    public static NuscenesSubmission ReadTruth(string path, NuscenesConfig config) => Read(path, config, truth: null);

    public static NuscenesSubmission ReadPredictions(string path, NuscenesConfig config, NuscenesSubmission truth) => Read(path, config, truth);

    private static NuscenesSubmission Read(string path, NuscenesConfig config, NuscenesSubmission? truth)
    {
        var bytes = JsonFileTokens.ReadFile(path, NuscenesFormatException.Factory);
        try
        {
            return ReadSubmission(bytes, path, config, truth);
        }
        catch (NuscenesFormatException e) when (e.InnerException is JsonException json && IsNonFiniteLiteral(bytes, json))
        {
            throw Error(path, $"invalid JSON at line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}: NaN and Infinity are not JSON (Python's json.dump writes them); write an unknown velocity as null");
        }
    }

    private static NuscenesSubmission ReadSubmission(byte[] bytes, string path, NuscenesConfig config, NuscenesSubmission? truth)
    {
        var reader = JsonFileTokens.Reader(bytes);
        if (Next(ref reader, path) != JsonTokenType.StartObject)
        {
            throw Error(path, Shape);
        }

        List<NuscenesSample>? samples = null;
        while (Next(ref reader, path) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("results"u8))
            {
                samples = ReadResults(ref reader, path, config, truth);
            }
            else
            {
                JsonFileTokens.Skip(ref reader, path, NuscenesFormatException.Factory);
            }
        }

        return new NuscenesSubmission(samples ?? throw Error(path, $"missing field 'results': {Shape}"));
    }

    /// <summary>Whether the syntax error is at a NaN or Infinity literal, the values a Python writer leaves in a submission.</summary>
    private static bool IsNonFiniteLiteral(byte[] bytes, JsonException error)
    {
        if (error.LineNumber is not { } line || error.BytePositionInLine is not { } column)
        {
            return false;
        }

        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        for (var l = 0L; l < line; l++)
        {
            start += bytes.AsSpan(start).IndexOf((byte)'\n') + 1;
        }

        var at = bytes.AsSpan((int)Math.Min(start + column, bytes.Length));
        return at.StartsWith("NaN"u8) || at.StartsWith("Infinity"u8) || at.StartsWith("-Infinity"u8);
    }

    private static List<NuscenesSample> ReadResults(ref Utf8JsonReader reader, string path, NuscenesConfig config, NuscenesSubmission? truth)
    {
        if (Next(ref reader, path) != JsonTokenType.StartObject)
        {
            throw Error(path, "'results' must be an object of sample token to a list of boxes");
        }

        var truthTokens = truth?.Samples.Select(s => s.Token).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var samples = new List<NuscenesSample>();
        while (Next(ref reader, path) == JsonTokenType.PropertyName)
        {
            var token = reader.GetString()!;
            if (!seen.Add(token))
            {
                throw Error(path, $"results[\"{token}\"] is listed twice");
            }

            if (truthTokens is not null && !truthTokens.Contains(token))
            {
                throw Error(path, $"results[\"{token}\"]: sample \"{token}\" is not a sample of the truth (the devkit requires the predictions' samples to be the truth's)");
            }

            if (Next(ref reader, path) != JsonTokenType.StartArray)
            {
                throw Error(path, $"results[\"{token}\"] must be a list of boxes");
            }

            var boxes = new List<NuscenesBox>();
            while (Next(ref reader, path) != JsonTokenType.EndArray)
            {
                boxes.Add(ReadBox(ref reader, path, config, token, boxes.Count, isTruth: truth is null));
            }

            if (truth is not null && boxes.Count > config.MaxBoxesPerSample)
            {
                throw Error(path, $"results[\"{token}\"] has {boxes.Count} boxes; the devkit allows at most {config.MaxBoxesPerSample} per sample");
            }

            samples.Add(new NuscenesSample(token, boxes));
        }

        return samples;
    }

    private static NuscenesBox ReadBox(ref Utf8JsonReader reader, string path, NuscenesConfig config, string token, int index, bool isTruth)
    {
        var where = $"results[\"{token}\"][{index}]";
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Error(path, $"{where} must be an object");
        }

        Span<double> translation = stackalloc double[3];
        Span<double> size = stackalloc double[3];
        Span<double> rotation = stackalloc double[4];
        Span<double> velocity = stackalloc double[2];
        Span<double> ego = stackalloc double[3];
        bool hasTranslation = false, hasSize = false, hasRotation = false, hasVelocity = false, hasEgo = false;
        string? name = null;
        var attribute = string.Empty;
        var score = double.NaN;
        var numPoints = -1;
        while (Next(ref reader, path) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("translation"u8))
            {
                hasTranslation = ReadNumbers(ref reader, path, where, "translation", translation, nullIsNaN: false);
            }
            else if (reader.ValueTextEquals("size"u8))
            {
                hasSize = ReadNumbers(ref reader, path, where, "size", size, nullIsNaN: false);
            }
            else if (reader.ValueTextEquals("rotation"u8))
            {
                hasRotation = ReadNumbers(ref reader, path, where, "rotation", rotation, nullIsNaN: false);
            }
            else if (reader.ValueTextEquals("velocity"u8))
            {
                hasVelocity = ReadNumbers(ref reader, path, where, "velocity", velocity, nullIsNaN: true);
            }
            else if (reader.ValueTextEquals("ego_translation"u8))
            {
                hasEgo = ReadNumbers(ref reader, path, where, "ego_translation", ego, nullIsNaN: false);
            }
            else if (reader.ValueTextEquals("detection_name"u8))
            {
                name = ReadString(ref reader, path, where, "detection_name");
            }
            else if (reader.ValueTextEquals("attribute_name"u8))
            {
                attribute = ReadString(ref reader, path, where, "attribute_name");
            }
            else if (reader.ValueTextEquals("sample_token"u8))
            {
                var own = ReadString(ref reader, path, where, "sample_token");
                if (!string.Equals(own, token, StringComparison.Ordinal))
                {
                    throw Error(path, $"{where}.sample_token \"{own}\" differs from the sample \"{token}\" it is listed under");
                }
            }
            else if (reader.ValueTextEquals("detection_score"u8))
            {
                Next(ref reader, path);
                score = Finite(ref reader, path, $"{where}.detection_score");
            }
            else if (reader.ValueTextEquals("num_pts"u8))
            {
                Next(ref reader, path);
                numPoints = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var count)
                    ? count
                    : throw Error(path, $"{where}.num_pts must be an integer");
            }
            else
            {
                JsonFileTokens.Skip(ref reader, path, NuscenesFormatException.Factory);
            }
        }

        Require(path, where, "translation", hasTranslation);
        Require(path, where, "size", hasSize);
        Require(path, where, "rotation", hasRotation);
        Require(path, where, "velocity", hasVelocity);
        if (name is null)
        {
            throw Missing(path, where, "detection_name");
        }

        if (config.ClassIndex(name) < 0)
        {
            throw Error(path, $"{where}.detection_name \"{name}\" is not a detection class ({string.Join(", ", config.ClassRanges.Select(r => r.Key))})");
        }

        if (attribute.Length > 0 && !NuscenesConfig.AttributeNames.Contains(attribute))
        {
            throw Error(path, $"{where}.attribute_name \"{attribute}\" is not a nuScenes attribute ({string.Join(", ", NuscenesConfig.AttributeNames)}) or empty");
        }

        if (size[0] <= 0 || size[1] <= 0 || size[2] <= 0)
        {
            throw Error(path, $"{where}.size must be positive (width, length, height in metres)");
        }

        if (isTruth)
        {
            score = -1;
        }
        else if (double.IsNaN(score))
        {
            throw Missing(path, where, "detection_score");
        }

        var centre = hasEgo ? ego : translation;
        return new NuscenesBox(
            (translation[0], translation[1], translation[2]),
            (size[0], size[1], size[2]),
            (rotation[0], rotation[1], rotation[2], rotation[3]),
            (velocity[0], velocity[1]),
            Math.Sqrt((centre[0] * centre[0]) + (centre[1] * centre[1])),
            numPoints,
            name,
            score,
            attribute);
    }

    /// <summary>Reads a fixed-length array of numbers; <c>null</c> is NaN where the devkit allows NaN (velocity), since JSON has no NaN.</summary>
    private static bool ReadNumbers(ref Utf8JsonReader reader, string path, string where, string field, scoped Span<double> values, bool nullIsNaN)
    {
        var shape = $"{where}.{field} must be an array of {values.Length} {(nullIsNaN ? "numbers (null where unknown)" : "finite numbers")}";
        if (Next(ref reader, path) != JsonTokenType.StartArray)
        {
            throw Error(path, shape);
        }

        for (var k = 0; k < values.Length; k++)
        {
            if (Next(ref reader, path) == JsonTokenType.Null && nullIsNaN)
            {
                values[k] = double.NaN;
            }
            else if (reader.TokenType == JsonTokenType.Number)
            {
                values[k] = Finite(ref reader, path, $"{where}.{field}[{k}]");
            }
            else
            {
                throw Error(path, shape);
            }
        }

        return Next(ref reader, path) == JsonTokenType.EndArray ? true : throw Error(path, shape);
    }

    private static double Finite(ref Utf8JsonReader reader, string path, string what) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw Error(path, $"{what} must be a finite number, not {Token(ref reader)}");

    private static string ReadString(ref Utf8JsonReader reader, string path, string where, string field) =>
        Next(ref reader, path) == JsonTokenType.String ? reader.GetString()! : throw Error(path, $"{where}.{field} must be a string");

    private static string Token(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.Number or JsonTokenType.String
            ? Encoding.UTF8.GetString(reader.ValueSpan)
            : reader.TokenType.ToString().ToLowerInvariant();

    private static void Require(string path, string where, string field, bool present)
    {
        if (!present)
        {
            throw Missing(path, where, field);
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader, string path) => JsonFileTokens.Next(ref reader, path, NuscenesFormatException.Factory);

    private static NuscenesFormatException Missing(string path, string where, string field) => Error(path, $"{where} has no '{field}'");

    private static NuscenesFormatException Error(string path, string problem) => new(path, problem);
}
