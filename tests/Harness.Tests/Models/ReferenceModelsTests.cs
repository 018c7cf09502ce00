using Harness.Clips.Synthetic;
using Harness.Models;
using Microsoft.ML.OnnxRuntime;

namespace Harness.Tests.Models;

public class ReferenceModelsTests
{
    [Fact]
    public void Same_name_builds_identical_bytes_and_variants_differ()
    {
        var v1 = ReferenceModels.Build("detector-v1");
        Assert.Equal(v1, ReferenceModels.Build("detector-v1"));
        Assert.Equal(v1, ReferenceModels.BuildFromUri("reference://detector-v1"));
        Assert.NotEqual(v1, ReferenceModels.Build("detector-v1-degraded"));
    }

    [Fact]
    public void Rejects_unknown_names_listing_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => ReferenceModels.BuildFromUri("reference://detector-v9"));
        Assert.Contains("'detector-v9'", error.Message, StringComparison.Ordinal);
        Assert.Contains("detector-v1, detector-v1-degraded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declares_image_input_and_yolov8_output_with_one_column_per_anchor()
    {
        using var session = new InferenceSession(ReferenceModels.Build("detector-v1"));
        Assert.Equal(new[] { 1, 3, ReferenceModels.InputHeight, ReferenceModels.InputWidth }, session.InputMetadata["images"].Dimensions);
        var anchors = ReferenceDetectorGraph.Anchors(ReferenceDetectorParameters.Tuned)
            .Sum(b => b.Rows(ReferenceModels.InputHeight) * b.Columns(ReferenceModels.InputWidth));
        Assert.Equal(new[] { 1, 4 + 3, anchors }, session.OutputMetadata["output0"].Dimensions);
    }

    [Fact]
    public void Finds_near_unoccluded_cars_with_a_well_placed_box()
    {
        var results = ReferenceDetectorEvaluation.Detect("detector-v1", new SyntheticSceneOptions("highway", 1, 6));
        var nearCars = results.SelectMany(r => r.Frame.Truth.Where(t => t.ClassId == 0 && t.Occlusion == 0f && t.Height >= 30f)
            .Select(t => (Truth: t, r.Detections))).ToList();
        Assert.NotEmpty(nearCars);
        var found = nearCars.Count(c => c.Detections.Any(d => d.ClassId == 0 && d.Score >= 0.5f
            && ReferenceDetectorEvaluation.Iou(d, new(c.Truth.X, c.Truth.Y, c.Truth.X + c.Truth.Width, c.Truth.Y + c.Truth.Height, 1f, 0)) >= 0.5f));
        Assert.True(found >= nearCars.Count / 2, $"found {found} of {nearCars.Count} near cars");
    }

    [Fact]
    public void Degraded_variant_scores_clearly_lower_ap50_than_v1_on_the_same_clip()
    {
        var scene = new SyntheticSceneOptions("urban-day", 7, 8);
        var v1 = ReferenceDetectorEvaluation.MeanAp50(ReferenceDetectorEvaluation.Detect("detector-v1", scene));
        var degraded = ReferenceDetectorEvaluation.MeanAp50(ReferenceDetectorEvaluation.Detect("detector-v1-degraded", scene));
        Assert.InRange(v1, 0.1, 0.9);
        Assert.True(degraded < v1 * 0.6, $"v1 AP50 {v1:F3}, degraded {degraded:F3}");
    }
}
