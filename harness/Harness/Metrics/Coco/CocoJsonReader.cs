using System.Text.Json;

namespace Harness.Metrics.Coco;

/// <summary>
/// Reads COCO instances files (ground truth) and results files (detections). Every problem becomes a
/// <see cref="CocoFormatException"/> naming the file and the offending element. The files are read as a stream of
/// tokens (<see cref="Utf8JsonReader"/>), not as a document tree: a results file of half a million detections is most
/// of what <c>harness eval-coco</c> spends its time on, and a tree of it costs three times the parse.
/// </summary>
internal static class CocoJsonReader
{
    public static CocoGroundTruth ReadGroundTruth(string path)
    {
        var bytes = ReadFile(path);
        var reader = Reader(bytes);
        Next(ref reader, path);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new CocoFormatException(path, "the ground truth must be a JSON object with images, annotations and categories");
        }

        List<long>? images = null;
        List<CocoCategory>? categories = null;
        List<CocoAnnotation>? annotations = null;
        while (Next(ref reader, path) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("images"u8))
            {
                images = ReadImages(ref reader, path);
            }
            else if (reader.ValueTextEquals("categories"u8))
            {
                categories = ReadCategories(ref reader, path);
            }
            else if (reader.ValueTextEquals("annotations"u8))
            {
                annotations = ReadAnnotations(ref reader, path);
            }
            else
            {
                Skip(ref reader, path);
            }
        }

        return new CocoGroundTruth(
            images ?? throw NotAnArray(path, "images"),
            categories ?? throw NotAnArray(path, "categories"),
            annotations ?? throw NotAnArray(path, "annotations"));
    }

    /// <summary>Reads a results file; like pycocotools' loadRes, every image id must be one of <paramref name="truth"/>'s.</summary>
    public static IReadOnlyList<CocoDetection> ReadDetections(string path, CocoGroundTruth truth)
    {
        var bytes = ReadFile(path);
        var reader = Reader(bytes);
        Next(ref reader, path);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new CocoFormatException(path, "the detections must be a JSON array of {image_id, category_id, bbox, score}");
        }

        var images = truth.ImageIds.ToHashSet();

        // About 90 bytes of JSON a detection: a capacity that spares the list its doublings without a count pass.
        var detections = new List<CocoDetection>(bytes.Length / 90);
        var index = 0;
        while (Next(ref reader, path) != JsonTokenType.EndArray)
        {
            var where = new CocoPlace("", index);
            var item = ReadObject(ref reader, path, where);
            var imageId = item.Int64(path, CocoField.ImageId, where);
            if (!images.Contains(imageId))
            {
                throw new CocoFormatException(path, $"{where}.image_id {imageId} is not an image of the ground truth");
            }

            var (x, y, w, h) = item.Box(path, where);
            detections.Add(new CocoDetection(imageId, item.Int32(path, CocoField.CategoryId, where), x, y, w, h, item.Double(path, CocoField.Score, where)));
            index++;
        }

        return detections;
    }

    private static List<long> ReadImages(ref Utf8JsonReader reader, string path)
    {
        var images = new List<long>();
        StartArray(ref reader, path, "images");
        while (Next(ref reader, path) != JsonTokenType.EndArray)
        {
            var where = new CocoPlace("images", images.Count);
            images.Add(ReadObject(ref reader, path, where).Int64(path, CocoField.Id, where));
        }

        return images;
    }

    private static List<CocoCategory> ReadCategories(ref Utf8JsonReader reader, string path)
    {
        var categories = new List<CocoCategory>();
        StartArray(ref reader, path, "categories");
        while (Next(ref reader, path) != JsonTokenType.EndArray)
        {
            var where = new CocoPlace("categories", categories.Count);
            var item = ReadObject(ref reader, path, where);
            categories.Add(new CocoCategory(item.Int32(path, CocoField.Id, where), item.Name ?? string.Empty));
        }

        return categories;
    }

    private static List<CocoAnnotation> ReadAnnotations(ref Utf8JsonReader reader, string path)
    {
        var annotations = new List<CocoAnnotation>();
        StartArray(ref reader, path, "annotations");
        while (Next(ref reader, path) != JsonTokenType.EndArray)
        {
            var where = new CocoPlace("annotations", annotations.Count);
            var item = ReadObject(ref reader, path, where);
            var (x, y, w, h) = item.Box(path, where);
            annotations.Add(new CocoAnnotation(
                item.Int64(path, CocoField.ImageId, where),
                item.Int32(path, CocoField.CategoryId, where),
                x,
                y,
                w,
                h,
                item.Double(path, CocoField.Area, where),
                item.Flag(path, CocoField.IsCrowd, where),
                item.Flag(path, CocoField.Ignore, where)));
        }

        return annotations;
    }

    /// <summary>
    /// The fields of one object the evaluation reads, each as found (a number, a flag, a box, a name, or a problem to
    /// report when the field is asked for); any other field is skipped whole, nested values included.
    /// </summary>
    private static CocoObject ReadObject(ref Utf8JsonReader reader, string path, CocoPlace where)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new CocoFormatException(path, $"{where} must be an object");
        }

        var item = new CocoObject();
        while (Next(ref reader, path) == JsonTokenType.PropertyName)
        {
            var field = CocoObject.FieldOf(ref reader);
            Next(ref reader, path);
            if (field == CocoField.Bbox)
            {
                item.ReadBox(ref reader, path);
            }
            else if (field == CocoField.Name)
            {
                item.Name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (field != CocoField.Other)
            {
                item.Set(field, ref reader);
            }

            Skip(ref reader, path);
        }

        return item;
    }

    private static readonly JsonFileTokens.ErrorFactory Error = static (path, problem, inner) => new CocoFormatException(path, problem, inner);

    private static byte[] ReadFile(string path) => JsonFileTokens.ReadFile(path, Error);

    private static Utf8JsonReader Reader(byte[] bytes) => JsonFileTokens.Reader(bytes);

    internal static JsonTokenType Next(ref Utf8JsonReader reader, string path) => JsonFileTokens.Next(ref reader, path, Error);

    internal static void Skip(ref Utf8JsonReader reader, string path) => JsonFileTokens.Skip(ref reader, path, Error);

    private static void StartArray(ref Utf8JsonReader reader, string path, string name)
    {
        if (Next(ref reader, path) != JsonTokenType.StartArray)
        {
            throw NotAnArray(path, name);
        }
    }

    private static CocoFormatException NotAnArray(string path, string name) => new(path, $"'{name}' must be an array");
}
