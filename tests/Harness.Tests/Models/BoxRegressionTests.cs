using Harness.Models;
using Harness.Models.Onnx;
using Harness.Tests.Models.Onnx;

namespace Harness.Tests.Models;

/// <summary>
/// The box the regression decodes from a window's colour moments, against boxes worked out by hand: a whole-object
/// anchor takes its size from the spread, a top-part anchor takes its width from the horizontal spread, its height
/// from that width and its aspect, and puts its top a fixed number of vertical spreads above the centroid; a box the
/// class colour covers too little of loses score in proportion to the shortfall.
/// </summary>
public class BoxRegressionTests
{
    // One anchor per block: 384 / 16 / 24 rows and 640 / 16 / 40 columns.
    private static readonly AnchorBlock Whole = new(1, 16, 2, 1, 4, 3, 24, 40, 0.4f, AnchorPart.Whole);
    private static readonly AnchorBlock TopPart = Whole with { Part = AnchorPart.VisibleTop };

    [Fact]
    public void A_whole_object_anchor_decodes_the_spread_times_the_class_factors()
    {
        var p = ReferenceDetectorParameters.Tuned;

        var box = Decode(Whole);

        // Centroid (100, 50), standard deviations 4 and 3.
        var height = 3f * p.SpreadToHeight[1];
        Assert.Equal(100f, box[0], 3);
        Assert.Equal(50f + (height * p.CentroidToCentreY[1]), box[1], 3);
        Assert.Equal(4f * p.SpreadToWidth[1], box[2], 3);
        Assert.Equal(height, box[3], 3);
    }

    [Fact]
    public void A_top_part_anchor_extends_the_visible_colour_to_the_whole_object_below_its_top()
    {
        var p = ReferenceDetectorParameters.Tuned;

        var box = Decode(TopPart);

        var width = 4f * p.TopPartSpreadToWidth[1];
        var height = width / 0.4f;
        var top = 50f - (3f * p.TopPartSpreadToTop[1]);
        Assert.Equal(100f, box[0], 3);
        Assert.Equal(top + (height / 2f), box[1], 3);
        Assert.Equal(width, box[2], 3);
        Assert.Equal(height, box[3], 3);
        Assert.True(height > 3f * p.SpreadToHeight[1] * 2f, "the part's box reaches far below the colour it sees");
    }

    // The window of Whole is 4 x 3 level-16 pixels: 3,072 input pixels. A 20 x 40 box (800 pixels) is covered to
    // 0.15 when the window's mask mean is 0.15 * 800 / 3072, to 0.3 (the pedestrian minimum) at twice that.
    [Theory]
    [InlineData(0.15f, 20f * (0.3f - 0.15f))]
    [InlineData(0.29f, 20f * (0.3f - 0.29f))]
    [InlineData(0.3f, 0f)]
    [InlineData(0.31f, 0f)]
    [InlineData(0.9f, 0f)]
    public void A_whole_object_box_the_class_colour_covers_too_little_of_is_penalized_by_the_shortfall(float fill, float expected)
    {
        var p = ReferenceDetectorParameters.Tuned;
        Assert.Equal(0.3f, p.MinimumFill[1]);
        Assert.Equal(20f, p.UnderfillWeight);

        var penalty = Underfill(Whole, fill * 800f / 3072f, 20f, 40f);

        Assert.Equal(expected, penalty, 4);
    }

    [Fact]
    public void A_top_part_box_is_never_penalized_for_the_hidden_part_it_adds()
    {
        Assert.Equal(0f, Underfill(TopPart, 0.01f * 800f / 3072f, 20f, 40f));
    }

    /// <summary>The underfill penalty of one window with mask mean <paramref name="mass"/> and decoded box w x h.</summary>
    private static float Underfill(AnchorBlock block, float mass, float width, float height)
    {
        var layout = AnchorLayout.Create([block], ReferenceDetectorParameters.Tuned, 1);
        var graph = new OnnxGraph("underfill");
        graph.AddInput("moments", OnnxElementType.Float, 1, MomentPyramid.MomentCount, 1);
        var boxes = graph.AddInitializer("boxes", [1, 4, 1], [100f, 50f, width, height]);
        var penalty = BoxRegression.Underfill(graph, "moments", BoxRegression.Size(graph, boxes), layout, 1, ReferenceDetectorParameters.Tuned.UnderfillWeight);
        graph.AddNode("Identity", [penalty], ["penalty"]);
        graph.AddOutput("penalty", OnnxElementType.Float, 1, 1, 1);
        float[] moments = [mass, mass * 100f, mass * 50f, 0f, 0f];
        return OnnxGraphTests.RunSingle(graph.ToModelBytes(ReferenceDetectorGraph.OpsetVersion, "test"), moments, [1, MomentPyramid.MomentCount, 1])[0];
    }

    /// <summary>Decodes one window with mask mean 0.5, centroid (100, 50) and variances 16 and 9 through the graph.</summary>
    private static float[] Decode(AnchorBlock block)
    {
        var layout = AnchorLayout.Create([block], ReferenceDetectorParameters.Tuned, 1);
        var graph = new OnnxGraph("regression");
        graph.AddInput("moments", OnnxElementType.Float, 1, MomentPyramid.MomentCount, 1);
        var boxes = BoxRegression.Decode(graph, "moments", layout, 1);
        graph.AddNode("Identity", [boxes], ["boxes"]);
        graph.AddOutput("boxes", OnnxElementType.Float, 1, 4, 1);
        const float Mass = 0.5f;
        float[] moments = [Mass, Mass * 100f, Mass * 50f, Mass * (16f + (100f * 100f)), Mass * (9f + (50f * 50f))];
        return OnnxGraphTests.RunSingle(graph.ToModelBytes(ReferenceDetectorGraph.OpsetVersion, "test"), moments, [1, MomentPyramid.MomentCount, 1]);
    }
}
