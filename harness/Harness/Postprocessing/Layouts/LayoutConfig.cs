using Harness.Inference;

namespace Harness.Postprocessing.Layouts;

/// <summary>
/// A layout with its settings, bound to the model it decodes: input size (normalized and grid-relative boxes are
/// scaled by it) and class count (no decoder emits a class id outside [0, ClassCount)).
/// </summary>
public sealed class LayoutConfig
{
    internal LayoutConfig(OutputLayout layout, LayoutSettings settings, int inputWidth, int inputHeight, int classCount)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Values.Keys.SequenceEqual(layout.Settings.Select(s => s.Key).Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            throw new ArgumentException($"Settings [{string.Join(", ", settings.Values.Keys)}] are not those of layout {layout.Name}.", nameof(settings));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        Layout = layout;
        Settings = settings;
        InputWidth = inputWidth;
        InputHeight = inputHeight;
        ClassCount = classCount;
        Outputs = layout.Outputs(settings);
        Anchors = layout.Anchors(this);
    }

    public OutputLayout Layout { get; }

    public LayoutSettings Settings { get; }

    public int InputWidth { get; }

    public int InputHeight { get; }

    public int ClassCount { get; }

    public IReadOnlyList<TensorPattern> Outputs { get; }

    /// <summary>N when the layout fixes it for this input size (YOLOX's grids), else null.</summary>
    public int? Anchors { get; }

    /// <summary>What the detector must look like for this layout to decode it.</summary>
    public DetectorContract Contract => new(InputWidth, InputHeight, ClassCount, Layout.Name, Outputs, Anchors);

    /// <summary>Checks one inference's outputs against <see cref="Outputs"/> and reads their sizes.</summary>
    /// <exception cref="OutputShapeException">An output count, shape or length that does not fit.</exception>
    internal LayoutShape Check(ModelOutputs outputs)
    {
        if (outputs.Count != Outputs.Count)
        {
            throw new OutputShapeException($"Layout {Layout.Name} takes {Outputs.Count} output tensor(s), got {outputs.Count}.");
        }

        var classes = ClassCount;
        var anchors = Anchors ?? -1;
        for (var i = 0; i < Outputs.Count; i++)
        {
            var tensor = outputs[i];
            if (!Outputs[i].Matches(tensor.Shape, ref classes, ref anchors))
            {
                throw new OutputShapeException($"Layout {Layout.Name}: output {i} has shape {tensor.ShapeText}, expected {Outputs[i].Describe(ClassCount, Anchors)}.");
            }

            if (tensor.Data.Length != Product(tensor.Shape))
            {
                throw new OutputShapeException($"Layout {Layout.Name}: output {i} has shape {tensor.ShapeText} but holds {tensor.Data.Length} values.");
            }
        }

        return new LayoutShape(classes, Math.Max(anchors, 0));
    }

    private static long Product(ReadOnlySpan<long> shape)
    {
        long product = 1;
        foreach (var dimension in shape)
        {
            product *= dimension;
        }

        return product;
    }
}
