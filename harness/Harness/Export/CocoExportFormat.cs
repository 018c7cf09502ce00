using System.Text.Json;

namespace Harness.Export;

/// <summary>
/// A COCO results file (the array pycocotools' <c>loadRes</c> and <c>harness eval-coco</c> read: <c>image_id</c>,
/// <c>category_id</c>, <c>bbox</c> as x, y, width, height, <c>score</c>) and beside it, as <c>&lt;name&gt;.truth.json</c>,
/// the truth the run scored as a COCO instances file whose <c>images</c> name each frame's source. Scoring the two
/// with a COCO evaluator gives the run's <c>coco/*</c> metrics: boxes are written as the metric stage converts them
/// (width = x2 - x1 in double), truth area is width x height, and an ignore region is a crowd annotation (one per
/// category when it belongs to every class).
/// </summary>
internal sealed class CocoExportFormat : IExportFormat
{
    public string Name => "coco";

    public string Description => "COCO results JSON plus the truth as a COCO instances file";

    public string DefaultOutput(string scenarioId) => scenarioId + ".coco.json";

    /// <summary>The instances file written beside <paramref name="output"/>.</summary>
    public static string TruthPath(string output) => Path.ChangeExtension(output, null) + ".truth.json";

    public IReadOnlyList<string> Write(DetectionExport export, string output)
    {
        ArgumentNullException.ThrowIfNull(export);
        ExportFiles.Write(output, writer =>
        {
            writer.WriteStartArray();
            foreach (var frame in export.Frames)
            {
                foreach (var d in frame.Detections)
                {
                    if (d.ClassId >= 0 && d.ClassId < export.Categories.Count && export.Categories[d.ClassId] is { } category)
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("image_id", frame.ImageId);
                        writer.WriteNumber("category_id", category.Id);
                        Box(writer, d.X1, d.Y1, (double)d.X2 - d.X1, (double)d.Y2 - d.Y1);
                        writer.WriteNumber("score", (double)d.Score);
                        writer.WriteEndObject();
                    }
                }
            }

            writer.WriteEndArray();
        });
        var truth = TruthPath(output);
        ExportFiles.Write(truth, writer => WriteTruth(writer, export));
        return [output, truth];
    }

    private static void WriteTruth(Utf8JsonWriter writer, DetectionExport export)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("info");
        writer.WriteString("description", $"the truth scenario '{export.ScenarioId}' was scored against, exported by harness export");
        writer.WriteEndObject();
        writer.WriteStartArray("images");
        foreach (var frame in export.Frames)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", frame.ImageId);
            writer.WriteString("file_name", frame.Source);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("categories");
        foreach (var category in export.Categories.OfType<ExportCategory>())
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", category.Id);
            writer.WriteString("name", category.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("annotations");
        var id = 0L;
        foreach (var frame in export.Frames)
        {
            foreach (var box in frame.Truth)
            {
                var categories = box.ClassId < 0 && box.Ignore ? export.Categories
                    : box.ClassId >= 0 && box.ClassId < export.Categories.Count ? [export.Categories[box.ClassId]]
                    : [];
                foreach (var category in categories.OfType<ExportCategory>())
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("id", ++id);
                    writer.WriteNumber("image_id", frame.ImageId);
                    writer.WriteNumber("category_id", category.Id);
                    Box(writer, box.X, box.Y, box.Width, box.Height);
                    writer.WriteNumber("area", (double)box.Width * box.Height);
                    writer.WriteNumber("iscrowd", box.Ignore ? 1 : 0);
                    writer.WriteEndObject();
                }
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Box(Utf8JsonWriter writer, double x, double y, double width, double height)
    {
        writer.WriteStartArray("bbox");
        writer.WriteNumberValue(x);
        writer.WriteNumberValue(y);
        writer.WriteNumberValue(width);
        writer.WriteNumberValue(height);
        writer.WriteEndArray();
    }
}
