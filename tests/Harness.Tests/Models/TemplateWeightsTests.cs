using Harness.Models;

namespace Harness.Tests.Models;

/// <summary>
/// The surround of a template, worked out by hand on a 4 x 2 box in a 6 x 4 template (16 surround points, 2 of them
/// directly above the box): every surround point counts the class colour against the box by SurroundWeight / 16, and
/// those above a pedestrian's or cyclist's box by AboveWeight / 2 more, because the colour of the class there means the
/// box sits on the lower part of a larger object.
/// </summary>
public class TemplateWeightsTests
{
    private const int Height = 6;
    private const int Width = 4;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Own_colour_directly_above_a_whole_pedestrian_or_cyclist_counts_against_it(int classId)
    {
        var p = ReferenceDetectorParameters.Tuned;
        var weights = TemplateWeights.Create(Block(classId, AnchorPart.Whole), p);

        var surround = -p.Gains[classId] * p.SurroundWeight / 16f;
        var above = surround - (p.Gains[classId] * p.AboveWeights[classId] / 2f);
        Assert.Equal(1f, p.AboveWeights[classId]);
        Assert.Equal(above, Own(weights, classId, 0, 1), 5);
        Assert.Equal(above, Own(weights, classId, 0, 2), 5);
        Assert.Equal(surround, Own(weights, classId, 0, 0), 5);
        Assert.Equal(surround, Own(weights, classId, 0, 3), 5);
        Assert.Equal(surround, Own(weights, classId, 5, 1), 5);
        Assert.Equal(surround, Own(weights, classId, 2, 0), 5);
    }

    [Fact]
    public void A_car_template_has_the_same_surround_weight_above_as_around()
    {
        var p = ReferenceDetectorParameters.Tuned;
        var weights = TemplateWeights.Create(Block(0, AnchorPart.Whole), p);

        Assert.Equal(0f, p.AboveWeights[0]);
        Assert.Equal(Own(weights, 0, 0, 0), Own(weights, 0, 0, 1), 5);
    }

    [Fact]
    public void A_top_part_template_has_no_extra_weight_above_its_box()
    {
        var p = ReferenceDetectorParameters.Tuned;
        var weights = TemplateWeights.Create(Block(1, AnchorPart.VisibleTop), p);

        Assert.Equal(Own(weights, 1, 0, 0), Own(weights, 1, 0, 1), 5);
        Assert.True(Own(weights, 1, 0, 1) < 0f, "the surround still counts against the part");
    }

    private static AnchorBlock Block(int classId, AnchorPart part) => new(classId, 2, 4, 2, Height, Width, 2, 2, 0.5f, part);

    private static float Own(float[] weights, int classId, int row, int column) => weights[(classId * Height * Width) + (row * Width) + column];
}
