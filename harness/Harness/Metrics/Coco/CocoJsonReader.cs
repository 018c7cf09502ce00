using System.Text.Json;

namespace Harness.Metrics.Coco;

/// <summary>
/// Reads COCO instances files (ground truth) and results files (detections). Every problem becomes a
/// <see cref="CocoFormatException"/> naming the file and the offending element.
/// </summary>
internal static class CocoJsonReader
{
    public static CocoGroundTruth ReadGroundTruth(string path)
    {
        using var document = Open(path);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CocoFormatException(path, "the ground truth must be a JSON object with images, annotations and categories");
        }

        var images = new List<long>();
        foreach (var (image, index) in Items(path, root, "images"))
        {
            images.Add(ReadInt64(path, image, "id", $"images[{index}]"));
        }

        var categories = new List<CocoCategory>();
        foreach (var (category, index) in Items(path, root, "categories"))
        {
            var where = $"categories[{index}]";
            var name = category.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : string.Empty;
            categories.Add(new CocoCategory(ReadInt32(path, category, "id", where), name));
        }

        var annotations = new List<CocoAnnotation>();
        foreach (var (annotation, index) in Items(path, root, "annotations"))
        {
            var where = $"annotations[{index}]";
            var (x, y, w, h) = ReadBox(path, annotation, where);
            annotations.Add(new CocoAnnotation(
                ReadInt64(path, annotation, "image_id", where),
                ReadInt32(path, annotation, "category_id", where),
                x,
                y,
                w,
                h,
                ReadDouble(path, annotation, "area", where),
                ReadFlag(path, annotation, "iscrowd", where),
                ReadFlag(path, annotation, "ignore", where)));
        }

        return new CocoGroundTruth(images, categories, annotations);
    }

    /// <summary>Reads a results file; like pycocotools' loadRes, every image id must be one of <paramref name="truth"/>'s.</summary>
    public static IReadOnlyList<CocoDetection> ReadDetections(string path, CocoGroundTruth truth)
    {
        using var document = Open(path);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new CocoFormatException(path, "the detections must be a JSON array of {image_id, category_id, bbox, score}");
        }

        var images = truth.ImageIds.ToHashSet();
        var detections = new List<CocoDetection>(root.GetArrayLength());
        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            var where = $"[{index}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new CocoFormatException(path, $"{where} must be an object");
            }

            var imageId = ReadInt64(path, item, "image_id", where);
            if (!images.Contains(imageId))
            {
                throw new CocoFormatException(path, $"{where}.image_id {imageId} is not an image of the ground truth");
            }

            var (x, y, w, h) = ReadBox(path, item, where);
            detections.Add(new CocoDetection(imageId, ReadInt32(path, item, "category_id", where), x, y, w, h,
                ReadDouble(path, item, "score", where)));
            index++;
        }

        return detections;
    }

    private static JsonDocument Open(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var problem = e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read the file ({e.Message})";
            throw new CocoFormatException(path, problem, e);
        }

        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new CocoFormatException(path, $"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}", e);
        }
    }

    private static IEnumerable<(JsonElement Item, int Index)> Items(string path, JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new CocoFormatException(path, $"'{name}' must be an array");
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new CocoFormatException(path, $"{name}[{index}] must be an object");
            }

            yield return (item, index++);
        }
    }

    private static (double X, double Y, double W, double H) ReadBox(string path, JsonElement item, string where)
    {
        if (!item.TryGetProperty("bbox", out var box) || box.ValueKind != JsonValueKind.Array || box.GetArrayLength() != 4)
        {
            throw new CocoFormatException(path, $"{where}.bbox must be an array of 4 numbers [x, y, width, height]");
        }

        Span<double> values = stackalloc double[4];
        var i = 0;
        foreach (var value in box.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.Number)
            {
                throw new CocoFormatException(path, $"{where}.bbox[{i}] must be a number");
            }

            values[i++] = value.GetDouble();
        }

        return (values[0], values[1], values[2], values[3]);
    }

    private static JsonElement Required(string path, JsonElement item, string name, string where)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            throw new CocoFormatException(path, $"{where}.{name} must be a number");
        }

        return value;
    }

    private static double ReadDouble(string path, JsonElement item, string name, string where) =>
        Required(path, item, name, where).GetDouble();

    private static long ReadInt64(string path, JsonElement item, string name, string where) =>
        Required(path, item, name, where).TryGetInt64(out var value)
            ? value
            : throw new CocoFormatException(path, $"{where}.{name} must be an integer");

    private static int ReadInt32(string path, JsonElement item, string name, string where) =>
        Required(path, item, name, where).TryGetInt32(out var value)
            ? value
            : throw new CocoFormatException(path, $"{where}.{name} must be a 32-bit integer");

    /// <summary>Optional 0/1 (or boolean) flag; absent means false.</summary>
    private static bool ReadFlag(string path, JsonElement item, string name, string where)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt64(out var number) => number != 0,
            _ => throw new CocoFormatException(path, $"{where}.{name} must be 0 or 1"),
        };
    }
}
