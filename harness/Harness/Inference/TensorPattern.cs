namespace Harness.Inference;

/// <summary>
/// One output tensor a layout reads: what it holds, the output names its exporter gives it (so a model with more
/// outputs than the layout reads can be matched by name) and the shapes it may have. The same pattern validates a
/// model when it is loaded, checks every frame's outputs and writes the error messages, so they cannot disagree.
/// </summary>
public sealed record TensorPattern(string Role, IReadOnlyList<string> Names, IReadOnlyList<IReadOnlyList<ShapeDim>> Shapes)
{
    public TensorPattern(string role, IReadOnlyList<string> names, params ShapeDim[] shape)
        : this(role, names, [shape])
    {
    }

    /// <summary>"[1, 4+C, N]", with C and N replaced by the sizes that are known; alternatives joined by "or".</summary>
    public string Describe(int? classes = null, int? anchors = null) =>
        string.Join(" or ", Shapes.Select(shape => "[" + string.Join(", ", shape.Select(d => Describe(d, classes, anchors))) + "]"));

    /// <summary>
    /// True when <paramref name="shape"/> has one of the pattern's shapes. Classes and anchors bind on first sight
    /// (a value below 0 is unbound) and must agree after; on failure neither is changed.
    /// </summary>
    /// <param name="dynamicMatchesAny">For a declared shape: a negative (dynamic) dimension fits any size and binds nothing.</param>
    public bool Matches(ReadOnlySpan<long> shape, ref int classes, ref int anchors, bool dynamicMatchesAny = false)
    {
        // Indexed, not foreach: an interface enumerator would allocate on every frame.
        for (var k = 0; k < Shapes.Count; k++)
        {
            var c = classes;
            var n = anchors;
            if (MatchesOne(Shapes[k], shape, ref c, ref n, dynamicMatchesAny))
            {
                classes = c;
                anchors = n;
                return true;
            }
        }

        return false;
    }

    private static bool MatchesOne(IReadOnlyList<ShapeDim> expected, ReadOnlySpan<long> shape, ref int classes, ref int anchors, bool dynamicMatchesAny)
    {
        if (shape.Length != expected.Count)
        {
            return false;
        }

        for (var i = 0; i < shape.Length; i++)
        {
            var size = shape[i];
            var dim = expected[i];
            if (size < 0 && dynamicMatchesAny)
            {
                continue;
            }

            // An empty N (no anchors this frame) is a valid output; every other dimension must be positive.
            if (size < (dim.Kind == ShapeDimKind.Anchors ? 0 : 1) || size > int.MaxValue)
            {
                return false;
            }

            switch (dim.Kind)
            {
                case ShapeDimKind.Fixed when size != dim.Value:
                    return false;
                case ShapeDimKind.Classes:
                    var bound = (int)size - dim.Value;
                    if (bound < 1 || (classes >= 0 && bound != classes))
                    {
                        return false;
                    }

                    classes = bound;
                    break;
                case ShapeDimKind.Anchors:
                    if (anchors >= 0 && size != anchors)
                    {
                        return false;
                    }

                    anchors = (int)size;
                    break;
            }
        }

        return true;
    }

    private static string Describe(ShapeDim dim, int? classes, int? anchors) => dim.Kind switch
    {
        ShapeDimKind.Classes when classes is { } c => (c + dim.Value).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ShapeDimKind.Anchors when anchors is { } n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => dim.ToString(),
    };
}
