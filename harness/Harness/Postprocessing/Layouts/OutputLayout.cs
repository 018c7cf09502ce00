using Harness.Inference;

namespace Harness.Postprocessing.Layouts;

/// <summary>
/// One family of detector outputs, named in a scenario by <c>model.layout</c>: its settings, the output tensors it
/// reads (the single description that validates models and outputs and words the errors), its scalar reference
/// decoder and its production decoder. Register a new one in <see cref="OutputLayouts"/>.
/// </summary>
public abstract class OutputLayout
{
    private LayoutSettings? _defaults;

    /// <summary>The scenario value of <c>model.layout</c>.</summary>
    public abstract string Name { get; }

    /// <summary>One line: which exporters write it and what it holds.</summary>
    public abstract string Summary { get; }

    public virtual IReadOnlyList<LayoutSetting> Settings => [];

    /// <summary>True when the model already removed duplicates: decoded boxes are ranked and capped, never suppressed.</summary>
    public virtual bool Suppressed => false;

    public LayoutSettings DefaultSettings => _defaults ??= LayoutSettings.Defaults(Settings);

    /// <summary>The output tensors this layout reads, in the order the decoders take them.</summary>
    public abstract IReadOnlyList<TensorPattern> Outputs(LayoutSettings settings);

    /// <param name="settings">The layout's settings; its defaults when null.</param>
    public LayoutConfig Configure(int inputWidth, int inputHeight, int classCount, LayoutSettings? settings = null) =>
        new(this, settings ?? DefaultSettings, inputWidth, inputHeight, classCount);

    public override string ToString() => Name;

    /// <summary>N when the layout fixes it for the configured input size and settings (YOLOX's grids); null when any N is valid.</summary>
    internal virtual int? Anchors(LayoutConfig config) => null;

    /// <summary>
    /// The scalar oracle: boxes above the threshold straight from the exporter's convention, in model-input pixels,
    /// written for clarity, allocating freely.
    /// </summary>
    internal abstract void DecodeReference(ModelOutputs outputs, LayoutConfig config, LayoutShape shape, float threshold, List<Detection> boxes);

    /// <summary>The production decoder: the same boxes as <see cref="DecodeReference"/>, vectorised where it pays, allocating nothing.</summary>
    internal abstract void Decode(ModelOutputs outputs, LayoutConfig config, LayoutShape shape, float threshold, Candidates candidates);
}
