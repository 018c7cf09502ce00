using Harness.Inference;

namespace Harness.Postprocessing.Layouts;

/// <summary>A layout a model's outputs fit, and the class count they imply (-1 when the shapes do not carry it).</summary>
public sealed record LayoutCandidate(OutputLayout Layout, int Classes);

/// <summary>
/// Which registered layouts, with their default settings, a model's declared outputs fit. Shapes alone can fit
/// several ([1, 84, 8400] is yolov8 with 80 classes or rtdetr with 8396; yolov5 and yolox rows look alike), so the
/// known class count (from metadata) and input size (which fixes YOLOX's N) narrow the list.
/// </summary>
internal static class LayoutRecognizer
{
    /// <param name="inputWidth">The model's input width, or null when it is dynamic and nothing says what it is.</param>
    /// <param name="classes">The class count when the model's metadata names its classes.</param>
    /// <param name="endToEnd">The metadata says the head is end-to-end (Ultralytics' end2end), which settles yolov10 over look-alikes.</param>
    public static IReadOnlyList<LayoutCandidate> Candidates(ModelDescription model, int? inputWidth, int? inputHeight, int? classes, bool endToEnd = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        var names = model.Outputs.Select(o => o.Name).ToList();
        var shapes = model.OutputShapes;
        var candidates = new List<LayoutCandidate>();
        foreach (var layout in OutputLayouts.All)
        {
            var sized = inputWidth is not null && inputHeight is not null;
            var contract = layout.Configure(inputWidth ?? 1, inputHeight ?? 1, classes ?? 1).Contract;
            if (!sized)
            {
                contract = contract with { Anchors = null };
            }

            if (contract.Recognize(names, shapes, classes is not null) is { } implied)
            {
                candidates.Add(new LayoutCandidate(layout, implied));
            }
        }

        return endToEnd && candidates.Any(c => c.Layout.Name == "yolov10") ? [.. candidates.Where(c => c.Layout.Name == "yolov10")] : candidates;
    }
}
