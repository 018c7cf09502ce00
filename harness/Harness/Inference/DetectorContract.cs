using System.Globalization;

namespace Harness.Inference;

/// <summary>
/// What the pipeline expects of a detector: one image input of InputHeight x InputWidth with three channels (NCHW or
/// NHWC, float or float16; dynamic dimensions are fixed to these sizes), and the outputs its layout reads.
/// </summary>
/// <param name="LayoutName">The layout's scenario name, for messages.</param>
/// <param name="Outputs">The output tensors the layout reads, in the order the decoder takes them.</param>
/// <param name="Anchors">N when the layout fixes it (YOLOX: by the input size and strides), else null.</param>
public sealed record DetectorContract(int InputWidth, int InputHeight, int ClassCount, string LayoutName, IReadOnlyList<TensorPattern> Outputs, int? Anchors = null)
{
    internal static string Format(ReadOnlySpan<long> shape)
    {
        var parts = new string[shape.Length];
        for (var i = 0; i < shape.Length; i++)
        {
            parts[i] = shape[i] < 0 ? "?" : shape[i].ToString(CultureInfo.InvariantCulture);
        }

        return $"[{string.Join(", ", parts)}]";
    }

    /// <summary>
    /// Checks the model's declared input shape and tells channel-first from channel-last by where the 3 channels
    /// are; dynamic (negative) dimensions are accepted and fixed to the contract's sizes.
    /// </summary>
    /// <returns>The concrete input shape to feed, and whether it is NHWC.</returns>
    internal (long[] Shape, bool ChannelLast) ValidateInput(string model, string name, ReadOnlySpan<long> declared)
    {
        long[] nchw = [1, 3, InputHeight, InputWidth];
        long[] nhwc = [1, InputHeight, InputWidth, 3];
        var first = Fits(declared, nchw);
        var last = Fits(declared, nhwc);
        if (first != last)
        {
            return first ? (nchw, false) : (nhwc, true);
        }

        throw new DetectorModelException(first
            ? $"Model '{model}' input '{name}' has shape {Format(declared)}: it cannot be told whether it is NCHW {Format(nchw)} or NHWC {Format(nhwc)}; export it with a fixed channel dimension."
            : $"Model '{model}' input '{name}' has shape {Format(declared)} but the scenario expects {Format(nchw)} (NCHW) or {Format(nhwc)} (NHWC).");
    }

    /// <summary>
    /// Checks the concrete output shapes against <see cref="Outputs"/> and picks the model outputs the layout reads:
    /// by position when the counts agree, else by the exporter's output names.
    /// </summary>
    /// <returns>For each pattern, the index of the model output that holds it.</returns>
    internal int[] ValidateOutputs(string model, IReadOnlyList<string> names, IReadOnlyList<long[]> shapes)
    {
        var selected = Select(names);
        if (selected is null)
        {
            throw new DetectorModelException(
                $"Model '{model}' has {shapes.Count} outputs ({string.Join(", ", names)}) but layout {LayoutName} expects {Outputs.Count}: {DescribeOutputs()}.");
        }

        var classes = ClassCount;
        var anchors = Anchors ?? -1;
        for (var i = 0; i < selected.Length; i++)
        {
            var pattern = Outputs[i];
            if (!pattern.Matches(shapes[selected[i]], ref classes, ref anchors))
            {
                var expected = Outputs.Count == 1 ? pattern.Describe(ClassCount, Anchors) : $"{pattern.Role} {pattern.Describe(ClassCount, Anchors)} (with {DescribeOutputs()})";
                throw new DetectorModelException(
                    $"Model '{model}' output '{names[selected[i]]}' has shape {Format(shapes[selected[i]])} but layout {LayoutName} with {ClassCount} classes expects {expected}.");
            }
        }

        return selected;
    }

    /// <summary>
    /// Whether a model's declared outputs (dynamic dimensions fit anything) could be this layout, for recognising
    /// an unknown model; the class count binds from the shapes unless <paramref name="classesKnown"/>.
    /// </summary>
    /// <returns>The class count the shapes imply (-1 when no shape carries it), or null when they do not fit.</returns>
    internal int? Recognize(IReadOnlyList<string> names, IReadOnlyList<long[]> declared, bool classesKnown)
    {
        var selected = Select(names);
        if (selected is null)
        {
            return null;
        }

        var classes = classesKnown ? ClassCount : -1;
        var anchors = Anchors ?? -1;
        for (var i = 0; i < selected.Length; i++)
        {
            if (!Outputs[i].Matches(declared[selected[i]], ref classes, ref anchors, dynamicMatchesAny: true))
            {
                return null;
            }
        }

        return classes;
    }

    /// <summary>Same input size, classes, layout and output patterns: a detector loaded for one runs under the other.</summary>
    internal bool SameAs(DetectorContract other) =>
        InputWidth == other.InputWidth && InputHeight == other.InputHeight && ClassCount == other.ClassCount && LayoutName == other.LayoutName &&
        Anchors == other.Anchors && Outputs.Count == other.Outputs.Count &&
        Outputs.Zip(other.Outputs).All(pair => pair.First.Role == pair.Second.Role && pair.First.Names.SequenceEqual(pair.Second.Names, StringComparer.Ordinal) &&
            pair.First.Shapes.Count == pair.Second.Shapes.Count && pair.First.Shapes.Zip(pair.Second.Shapes).All(shape => shape.First.SequenceEqual(shape.Second)));

    /// <summary>For messages: the layout, input size and classes, and the outputs it reads.</summary>
    internal string Describe() => $"layout {LayoutName}, input {InputWidth}x{InputHeight}, {ClassCount} classes, outputs {DescribeOutputs()}";

    private string DescribeOutputs() => Outputs.Count == 1
        ? Outputs[0].Describe(ClassCount, Anchors)
        : string.Join(", ", Outputs.Select(p => $"{p.Role} {p.Describe(ClassCount, Anchors)}"));

    private int[]? Select(IReadOnlyList<string> names)
    {
        var byName = Outputs.Select(p => names.ToList().FindIndex(n => p.Names.Contains(n, StringComparer.Ordinal))).ToArray();
        if (byName.All(i => i >= 0) && byName.Distinct().Count() == byName.Length)
        {
            return byName;
        }

        return names.Count == Outputs.Count ? [.. Enumerable.Range(0, names.Count)] : null;
    }

    private static bool Fits(ReadOnlySpan<long> declared, long[] expected)
    {
        if (declared.Length != expected.Length)
        {
            return false;
        }

        for (var i = 0; i < expected.Length; i++)
        {
            if (declared[i] >= 0 && declared[i] != expected[i])
            {
                return false;
            }
        }

        return true;
    }
}
