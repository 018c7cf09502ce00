using System.Globalization;
using Harness.Inference;
using Harness.Postprocessing.Layouts;
using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios;

/// <summary>
/// Models that describe themselves: an ONNX file carrying Ultralytics' metadata (names, imgsz) fills the scenario's
/// classes, input size and layout when the scenario leaves them out, and a scenario that states them differently
/// is an error naming both.
/// </summary>
public static partial class ScenarioLoader
{
    private static DescribedModel? Describe(string? source)
    {
        if (source is null || source.StartsWith("reference://", StringComparison.Ordinal) || !File.Exists(source))
        {
            return null;
        }

        try
        {
            var description = ModelDescription.Read(source);
            return UltralyticsMetadata.From(description) is { } metadata ? new DescribedModel(source, description, metadata) : null;
        }
        catch (DetectorModelException)
        {
            // An unreadable model fails its own scenario when it runs, with the runtime's message; loading goes on.
            return null;
        }
    }

    private static OutputLayout? LayoutFromMetadata(YamlMappingReader model, DescribedModel? described)
    {
        if (described is null)
        {
            return null;
        }

        var (metadata, description) = (described.Metadata, described.Description);
        var (width, height) = description.FixedInputSize is { } size ? size : (metadata.Width, metadata.Height);
        var candidates = LayoutRecognizer.Candidates(description, width, height, metadata.Names?.Count, metadata.EndToEnd);
        if (candidates.Count == 1)
        {
            return candidates[0].Layout;
        }

        model.Error("layout", candidates.Count == 0
            ? $"is required: no registered layout fits the outputs of '{described.Path}'"
            : $"is required: the outputs of '{described.Path}' fit {string.Join(", ", candidates.Select(c => c.Layout.Name))}");
        return null;
    }

    private static YamlMappingReader? InputFromMetadata(YamlMappingReader model, DescribedModel? described)
    {
        if (described?.Metadata is not { Width: { } width, Height: { } height })
        {
            return null;
        }

        var mapping = new YamlMappingNode
        {
            { "width", width.ToString(CultureInfo.InvariantCulture) },
            { "height", height.ToString(CultureInfo.InvariantCulture) },
        };
        return model.Synthesized("input", mapping);
    }

    private static void CheckInputAgainstMetadata(YamlMappingReader model, InputSpec? input, DescribedModel? described)
    {
        if (input is null || described?.Metadata is not { Width: { } width, Height: { } height } || !model.Contains("input"))
        {
            return;
        }

        if (input.Width != width || input.Height != height)
        {
            model.Error("input", $"width {input.Width}, height {input.Height}, but the metadata of '{described.Path}' says imgsz width {width}, height {height}");
        }
    }

    private static IReadOnlyList<string> ClassesOrMetadata(YamlMappingReader model, DescribedModel? described)
    {
        var names = described?.Metadata.Names;
        if (!model.Contains("classes") && names is not null)
        {
            return names;
        }

        var classes = model.Strings("classes", required: true);
        if (names is not null && !classes.SequenceEqual(names, StringComparer.Ordinal))
        {
            model.Error("classes", $"[{string.Join(", ", classes)}], but the metadata of '{described!.Path}' names [{string.Join(", ", names)}]");
        }

        return classes;
    }

    private sealed record DescribedModel(string Path, ModelDescription Description, UltralyticsMetadata Metadata);
}
