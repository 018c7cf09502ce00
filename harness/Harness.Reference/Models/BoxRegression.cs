using Harness.Models.Onnx;

namespace Harness.Models;

/// <summary>
/// Decodes boxes from pooled mask moments [1, 5, N] (m, m*x, m*y, m*x^2, m*y^2): the centre is the colour centroid,
/// the size the colour spread (standard deviation) times a per-class scale, and the centre moves by a per-class
/// fraction of the size, because each class's colour covers only part of its box (a car's wheels, a pedestrian's
/// head). A part anchor instead takes its height from its width and puts its top a few spreads above the centroid
/// (the coefficients are in <see cref="AnchorLayout"/>). Output [1, 4, N]: cx, cy, w, h in input pixels.
/// </summary>
internal static class BoxRegression
{
    private const float EmptyWindowMass = 1e-4f;

    public static string Decode(OnnxGraph graph, string moments, AnchorLayout layout, int count)
    {
        var mass = graph.Add("Max", [Slice(graph, moments, 0, 1), graph.AddInitializer("regression_empty_mass", [1], [EmptyWindowMass])]);
        var expectations = graph.Add("Div", [Slice(graph, moments, 1, MomentPyramid.MomentCount), mass]);
        var mean = Slice(graph, expectations, 0, 2);
        var square = Slice(graph, expectations, 2, 4);
        var variance = graph.Add("Relu", [graph.Add("Sub", [square, graph.Add("Mul", [mean, mean])])]);
        var spread = graph.Add("Sqrt", [variance]);
        var swapped = graph.Add("Concat", [Slice(graph, spread, 1, 2), Slice(graph, spread, 0, 1)], OnnxAttribute.Of("axis", 1L));
        var size = graph.Add("Add", [
            graph.Add("Mul", [spread, graph.AddInitializer("regression_scale", [1, 2, count], layout.SizeScale)]),
            graph.Add("Mul", [swapped, graph.AddInitializer("regression_cross_scale", [1, 2, count], layout.CrossScale)])]);
        var centre = graph.Add("Add", [
            graph.Add("Add", [mean, graph.Add("Mul", [size, graph.AddInitializer("regression_shift", [1, 2, count], layout.CentreShift)])]),
            graph.Add("Mul", [spread, graph.AddInitializer("regression_spread_shift", [1, 2, count], layout.SpreadShift)])]);
        return graph.Add("Concat", [centre, size], OnnxAttribute.Of("axis", 1L));
    }

    /// <summary>
    /// How far each decoded box's size is from its anchor's, as weight * (|ln(w / anchor w)| + |ln(h / anchor h)|),
    /// [1, 1, N]. Subtracted from the score logit: a window much smaller than its object sees only part of it and
    /// decodes a part-sized box; a window much larger sees a small object that a smaller anchor fits better.
    /// </summary>
    public static string SizeDisagreement(OnnxGraph graph, string size, AnchorLayout layout, int count, float weight)
    {
        var ratio = graph.Add("Div", [size, graph.AddInitializer("anchor_size", [1, 2, count], layout.AnchorSize)]);
        var logRatio = graph.Add("Log", [graph.Add("Add", [ratio, graph.AddInitializer("size_ratio_floor", [1], [1e-3f])])]);
        var disagreement = graph.Add("ReduceSum", [graph.Add("Abs", [logRatio]), graph.AddInitializer("size_ratio_axes", [1], [1L])], OnnxAttribute.Of("keepdims", 1L));
        return graph.Add("Mul", [disagreement, graph.AddInitializer("size_disagreement_weight", [1], [weight])]);
    }

    /// <summary>
    /// weight * max(0, mean mask over the window - limit), [1, 1, N]. A window that sits inside one object sees its
    /// colour almost everywhere and decodes a part of it as a box of its own size; a window fitted around an object
    /// sees the object and its surround.
    /// </summary>
    public static string Overfill(OnnxGraph graph, string moments, float limit, float weight)
    {
        var excess = graph.Add("Relu", [graph.Add("Sub", [Slice(graph, moments, 0, 1), graph.AddInitializer("overfill_limit", [1], [limit])])]);
        return graph.Add("Mul", [excess, graph.AddInitializer("overfill_weight", [1], [weight])]);
    }

    /// <summary>
    /// weight * max(0, minimum fill - mask mass / decoded box area), [1, 1, N]. A large window around a smaller object
    /// also gathers scattered pixels of the class colour far from it, whose spread decodes a box several times the
    /// object's size; such a box is mostly empty, while the box of a whole object is largely covered by its colour.
    /// </summary>
    public static string Underfill(OnnxGraph graph, string moments, string size, AnchorLayout layout, int count, float weight)
    {
        var mass = graph.Add("Mul", [Slice(graph, moments, 0, 1), graph.AddInitializer("underfill_window_area", [1, 1, count], layout.WindowArea)]);
        var boxArea = graph.Add("Mul", [Slice(graph, size, 0, 1), Slice(graph, size, 1, 2)]);
        var fill = graph.Add("Div", [mass, graph.Add("Max", [boxArea, graph.AddInitializer("underfill_area_floor", [1], [1f])])]);
        var shortfall = graph.Add("Relu", [graph.Add("Sub", [graph.AddInitializer("underfill_minimum", [1, 1, count], layout.MinimumFill), fill])]);
        return graph.Add("Mul", [shortfall, graph.AddInitializer("underfill_weight", [1], [weight])]);
    }

    /// <summary>The width and height rows of decoded boxes [1, 4, N]: [1, 2, N], which both size penalties read.</summary>
    public static string Size(OnnxGraph graph, string boxes) => Slice(graph, boxes, 2, 4);

    private static string Slice(OnnxGraph graph, string input, long start, long end)
    {
        var starts = graph.AddInitializer($"{input}_from_{start}", [1], [start]);
        var ends = graph.AddInitializer($"{input}_to_{end}", [1], [end]);
        var axes = graph.AddInitializer($"{input}_slice_{start}_{end}_axis", [1], [1L]);
        return graph.Add("Slice", [input, starts, ends, axes]);
    }
}
