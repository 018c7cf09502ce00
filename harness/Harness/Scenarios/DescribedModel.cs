using Harness.Inference;

namespace Harness.Scenarios;

/// <summary>
/// A model file that describes itself (Ultralytics' ONNX metadata: names, imgsz), whose metadata fills the layout,
/// input size and classes a scenario leaves unset.
/// </summary>
internal sealed record DescribedModel(string Path, ModelDescription Description, UltralyticsMetadata Metadata)
{
    /// <summary>Null for a built-in model, a missing or unreadable file, or a model without such metadata.</summary>
    public static DescribedModel? Read(string? source)
    {
        if (source is null || source.StartsWith(ScenarioSources.ReferenceScheme, StringComparison.Ordinal) || !File.Exists(source))
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
            // An unreadable model fails its own scenario when it runs, with the runtime's message; building goes on.
            return null;
        }
    }
}
