using Harness.Postprocessing;
using Harness.Preprocessing;
using Harness.TestKit;
using Harness.Tests.Running;

namespace Harness.Tests.Postprocessing;

/// <summary>
/// A model that outputs NaN, infinities or values near float's range: a box with a non-finite corner or score is
/// dropped (by every layout's decoder, SIMD and scalar alike), huge finite boxes are clipped to the image (and
/// dropped when that leaves them no area), and nothing NaN reaches the detections or the metrics.
/// </summary>
public sealed class NonFiniteOutputTests
{
    private const float Huge = 1e30f;

    /// <summary>One anchor per row: cx, cy, w, h, score of class 0, score of class 1; and whether it must be kept.</summary>
    private static readonly (float[] Anchor, bool Kept)[] Anchors =
    [
        ([100, 100, 20, 20, 0.9f, 0], true),
        ([float.NaN, 100, 20, 20, 0.9f, 0], false),
        ([100, float.PositiveInfinity, 20, 20, 0.9f, 0], false),
        ([100, 100, float.NegativeInfinity, 20, 0.9f, 0], false),
        ([100, 100, 20, 20, float.PositiveInfinity, 0], false),
        ([100, 100, 20, 20, float.NaN, 0.8f], false),
        ([300, 300, 20, 20, 0, float.NaN], false),
        ([Huge, Huge, Huge, Huge, 0.7f, 0], false),
        ([100, 100, Huge, 20, 0.65f, 0], true),
        ([3e38f, 100, 3e38f, 20, 0.6f, 0], false),
        ([400, 400, 20, 20, Huge, 0], true),
    ];

    private static readonly LetterboxTransform Transform = LetterboxTransform.Identity(640, 640);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Non_finite_boxes_are_dropped_and_huge_ones_clipped_by_the_simd_and_scalar_paths_alike(int repeats)
    {
        // Repeats place the pattern in 512-bit, 256-bit and scalar tails of the decoder; distinct offsets keep NMS out.
        var anchors = Anchors.Length * repeats;
        var data = new float[6 * anchors];
        for (var r = 0; r < repeats; r++)
        {
            for (var i = 0; i < Anchors.Length; i++)
            {
                var a = (r * Anchors.Length) + i;
                for (var row = 0; row < 6; row++)
                {
                    data[(row * anchors) + a] = Anchors[i].Anchor[row] + (row < 2 && float.IsFinite(Anchors[i].Anchor[row]) && Anchors[i].Anchor[row] < 1000 ? r * 30 : 0);
                }
            }
        }

        var outputs = new ModelOutputs(new OutputTensor(data, [1, 6, anchors]));
        var options = new PostprocessOptions { ScoreThreshold = 0.25f, IouThreshold = 0.45f, ClassAgnostic = true };
        var simd = new List<Detection>();
        var scalar = new List<Detection>();

        Postprocessor.Create(TestLayouts.Configure("yolov8", 2), options).Process(outputs, Transform, simd);
        ReferencePostprocessor.Create(TestLayouts.Configure("yolov8", 2), options).Process(outputs, Transform, scalar);

        Assert.Equal(scalar, simd);
        Assert.All(simd, d => Assert.True(float.IsFinite(d.X1) && float.IsFinite(d.Y1) && float.IsFinite(d.X2) && float.IsFinite(d.Y2) && float.IsFinite(d.Score), d.ToString()));
        Assert.Equal(Anchors.Count(a => a.Kept) * repeats, simd.Count);
        Assert.DoesNotContain(simd, d => d.Score == 0.7f);
        Assert.Contains(new Detection(0, 90, 640, 110, 0.65f, 0), simd);
        Assert.Contains(new Detection(390, 390, 410, 410, Huge, 0), simd);
    }

    [Fact]
    public void Replay_of_a_model_that_outputs_nan_inf_and_huge_values_keeps_every_metric_finite()
    {
        using var workspace = new ReplayWorkspace();
        workspace.WriteClip(3, new TruthBox(0, 8, 8, 24, 16));
        workspace.WriteModel(ConstantModels.Yolov8(
            2,
            new ModelBox(8, 8, 32, 24, 0.9f, 0),
            new ModelBox(float.NaN, 8, 32, 24, 0.9f, 0),
            new ModelBox(8, 8, float.PositiveInfinity, 24, 0.9f, 1),
            new ModelBox(8, 8, 32, 24, float.NaN, 1),
            new ModelBox(-Huge, -Huge, Huge, Huge, 0.8f, 1)));

        var result = workspace.Run(workspace.WriteScenario("yolov8", ["car", "pedestrian"]));

        Assert.All(result.Metrics, metric => Assert.True(double.IsFinite(metric.Value), $"{metric.Key} = {metric.Value}"));
        Assert.Equal(1.0, result.Metrics["recall@0.5"], 9);
        Assert.All(result.ScoredFrames.SelectMany(frame => frame.Detections), d => Assert.True(float.IsFinite(d.X1 + d.Y1 + d.X2 + d.Y2 + d.Score), d.ToString()));
    }
}
