using System.Text.Json;
using Harness.Scenarios;
using static Harness.Results.JsonValues;

namespace Harness.Results;

/// <summary>
/// <see cref="ScenarioFacts"/> as the bundle's <c>"scenario"</c> object. The class map keeps its order (an array, not
/// an object): it decides the evaluation class ids.
/// </summary>
internal static class FactsJson
{
    public static void Write(Utf8JsonWriter writer, ScenarioFacts facts)
    {
        writer.WriteStartObject("scenario");
        writer.WriteStartObject("classes");
        if (facts.Classes.Evaluate != ClassEvaluation.All)
        {
            // Only when set, so a bundle of a scenario without it keeps its bytes.
            writer.WriteString("evaluate", Name(facts.Classes.Evaluate));
        }

        Strings(writer, "ignore", facts.Classes.Ignored);
        writer.WriteStartArray("map");
        foreach (var (evaluationClass, names) in facts.Classes.Merges)
        {
            writer.WriteStartObject();
            writer.WriteString("class", evaluationClass);
            Strings(writer, "names", names);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        Strings(writer, "model", facts.Classes.ModelClasses);
        writer.WriteEndObject();
        var clip = facts.Clip;
        writer.WriteStartObject("clip");
        writer.WriteString("camera", clip.Camera);
        if (clip.CameraInfo is { } cameraInfo)
        {
            writer.WriteString("camera_info", cameraInfo);
        }

        if (clip.Lidar is { } lidar)
        {
            writer.WriteString("lidar", lidar);
        }

        if (clip.Sha256 is { } sha)
        {
            writer.WriteString("sha256", sha);
        }

        writer.WriteString("source", clip.Source);
        writer.WriteString("truth", clip.Truth);
        writer.WriteEndObject();
        writer.WriteString("description", facts.Description);
        writer.WriteString("id", facts.Id);
        writer.WriteString("source_path", facts.SourcePath);
        Strings(writer, "tags", facts.Tags);
        writer.WriteEndObject();
    }

    public static ScenarioFacts Read(JsonElement element, string path)
    {
        var classes = Property(element, "classes", path);
        var merges = Array(classes, "map", path)
            .Select(m => new KeyValuePair<string, IReadOnlyList<string>>(Text(m, "class", path), StringList(m, "names", path)))
            .ToList();
        var evaluate = Optional(classes, "evaluate") is { } value ? AsEnum<ClassEvaluation>(value, "evaluate", path) : ClassEvaluation.All;
        ClassMap map;
        try
        {
            map = ClassMap.Create(StringList(classes, "model", path), merges, StringList(classes, "ignore", path), evaluate);
        }
        catch (ArgumentException e)
        {
            throw new ResultsFormatException($"{path}: 'scenario.classes' is not a valid class map ({e.Message})", e);
        }

        var clip = Property(element, "clip", path);
        return new ScenarioFacts(
            Text(element, "id", path),
            Text(element, "description", path),
            StringList(element, "tags", path),
            Text(element, "source_path", path),
            new ClipSpec(
                Text(clip, "source", path),
                OptionalText(clip, "sha256", path),
                Text(clip, "camera", path),
                Text(clip, "truth", path),
                OptionalText(clip, "lidar", path),
                OptionalText(clip, "camera_info", path)),
            map);
    }
}
