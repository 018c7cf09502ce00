using Harness.Inference;
using Harness.Postprocessing;
using Harness.Postprocessing.Layouts;
using Harness.Preprocessing;
using Harness.TestKit;

namespace Harness.Tests.Postprocessing;

/// <summary>The pieces every layout shares: shape patterns, class id bounds, settings that belong to one layout only.</summary>
public sealed class LayoutContractTests
{
    [Theory]
    [InlineData(2f, 0, 2)]
    [InlineData(0f, 0, 0)]
    [InlineData(1f, 1, 0)]
    [InlineData(3f, 1, 2)]
    public void Class_ids_inside_the_scenario_classes_are_accepted(float value, int firstId, int expected) =>
        Assert.Equal(expected, ClassIds.Checked(value, firstId, 3, "test", 2));

    [Theory]
    [InlineData(3f, 0)]
    [InlineData(-1f, 0)]
    [InlineData(0.5f, 0)]
    [InlineData(float.NaN, 0)]
    [InlineData(0f, 1)]
    [InlineData(4f, 1)]
    public void Class_ids_outside_the_scenario_classes_are_errors(float value, int firstId) =>
        Assert.Throws<OutputShapeException>(() => ClassIds.Checked(value, firstId, 3, "test", 2));

    [Fact]
    public void End2end_class_id_equal_to_the_class_count_fails_the_frame_in_both_decoders()
    {
        var tensors = new TensorSet(([0, 0, 10, 10], [1, 1, 4]), ([0.9f], [1, 1]), ([3f], [1, 1]), ([1f], [1]));
        var layout = TestLayouts.Configure("end2end", 3);

        var simd = Assert.Throws<OutputShapeException>(() => Postprocessor.Create(layout, new PostprocessOptions()).Process(tensors.Outputs, LetterboxTransform.Identity(10, 10), []));
        var reference = Assert.Throws<OutputShapeException>(() => ReferencePostprocessor.Create(layout, new PostprocessOptions()).Process(tensors.Outputs, LetterboxTransform.Identity(10, 10), []));

        Assert.Equal("Layout end2end: output 2 holds class id 3 but the scenario names 3 classes (ids 0 to 2).", simd.Message);
        Assert.Equal(simd.Message, reference.Message);
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void Class_dimension_must_leave_at_least_one_class(long rows, bool matches)
    {
        var pattern = new TensorPattern("predictions", [], ShapeDim.One, ShapeDim.Classes(4), ShapeDim.Anchors);
        var classes = -1;
        var anchors = -1;

        Assert.Equal(matches, pattern.Matches([1, rows, 8], ref classes, ref anchors));
        Assert.Equal(matches ? (1, 8) : (-1, -1), (classes, anchors));
    }

    [Fact]
    public void Anchor_count_must_agree_across_outputs_and_the_description_fills_in_what_is_known()
    {
        var ssd = TestLayouts.Configure("ssd", 3);
        var tensors = new TensorSet((new float[8], [1, 2, 4]), (new float[9], [1, 3, 3]));

        var error = Assert.Throws<OutputShapeException>(() => Postprocessor.Create(ssd, new PostprocessOptions()).Process(tensors.Outputs, LetterboxTransform.Identity(1, 1), []));

        Assert.Equal("Layout ssd: output 1 has shape [1, 3, 3], expected [1, N, 3].", error.Message);
        Assert.Equal("[1, 4+C, N]", OutputLayouts.Get("yolov8").Outputs(OutputLayouts.Get("yolov8").DefaultSettings)[0].Describe());
        Assert.Equal("[1, N, C+1]", OutputLayouts.Get("ssd").Outputs(OutputLayouts.Get("ssd").DefaultSettings.With("background", "first"))[1].Describe());
    }

    [Fact]
    public void Settings_of_one_layout_cannot_configure_another()
    {
        var ssdSettings = OutputLayouts.Get("ssd").DefaultSettings;

        Assert.Throws<ArgumentException>(() => OutputLayouts.Get("yolox").Configure(64, 64, 3, ssdSettings));
        Assert.Throws<ArgumentException>(() => ssdSettings.With("strides", "8"));
        Assert.Throws<ArgumentException>(() => ssdSettings.With("background", "middle"));
    }

    [Fact]
    public void Registry_names_are_unique_and_every_layout_describes_itself()
    {
        Assert.Equal(OutputLayouts.Names.Count(), OutputLayouts.Names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(OutputLayouts.All, layout =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", layout.Name);
            Assert.NotEmpty(layout.Summary);
            Assert.NotEmpty(layout.Outputs(layout.DefaultSettings));
        });
        var error = Assert.Throws<ArgumentException>(() => OutputLayouts.Get("yolov9"));
        Assert.Contains(string.Join(", ", OutputLayouts.Names), error.Message, StringComparison.Ordinal);
    }
}
