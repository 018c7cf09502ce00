using Harness.Postprocessing;
using Harness.Preprocessing;
using Harness.TestKit;

namespace Harness.Tests.Postprocessing;

public class NmsSemanticsTests
{
    private static readonly LetterboxTransform Identity = LetterboxTransform.Identity(100, 100);

    // Six boxes with two classes, scores chosen so the order is A, E, B, C, D, F (D and F tie; D comes first).
    // IoU(A, B) = 81 / 119 = 0.68; IoU(A, C) = 50 / 100 = 0.5 exactly (0.545 with the +1 pixel convention);
    // IoU(D, F) = 1; E is B's box in class 1.
    private static readonly float[] Boxes =
    [
        0, 0, 10, 10, // A
        1, 1, 11, 11, // B
        0, 0, 10, 5, // C
        20, 20, 30, 30, // D
        1, 1, 11, 11, // E
        20, 20, 30, 30, // F
    ];

    private static readonly float[] Scores =
    [
        0.9f, 0f,
        0.8f, 0f,
        0.7f, 0f,
        0.6f, 0f,
        0f, 0.85f,
        0.6f, 0f,
    ];

    [Fact]
    public void Class_aware_nms_keeps_the_torchvision_set()
    {
        var kept = Run(new PostprocessOptions { IouThreshold = 0.5f });

        Assert.Equal(
            [
                new Detection(0, 0, 10, 10, 0.9f, 0),
                new Detection(1, 1, 11, 11, 0.85f, 1),
                new Detection(0, 0, 10, 5, 0.7f, 0),
                new Detection(20, 20, 30, 30, 0.6f, 0),
            ],
            kept);
    }

    [Fact]
    public void Class_agnostic_nms_lets_a_box_of_another_class_suppress()
    {
        var kept = Run(new PostprocessOptions { IouThreshold = 0.5f, ClassAgnostic = true });

        Assert.Equal(
            [
                new Detection(0, 0, 10, 10, 0.9f, 0),
                new Detection(0, 0, 10, 5, 0.7f, 0),
                new Detection(20, 20, 30, 30, 0.6f, 0),
            ],
            kept);
    }

    [Fact]
    public void Max_detections_keeps_the_highest_scores_after_suppression()
    {
        var kept = Run(new PostprocessOptions { IouThreshold = 0.5f, MaxDetections = 2 });

        Assert.Equal([0.9f, 0.85f], kept.Select(d => d.Score));
    }

    [Fact]
    public void Score_threshold_is_strict()
    {
        var kept = Run(new PostprocessOptions { IouThreshold = 0.5f, ScoreThreshold = 0.7f });

        Assert.Equal([0.9f, 0.85f], kept.Select(d => d.Score));
    }

    private static List<Detection> Run(PostprocessOptions options)
    {
        var outputs = new ModelOutputs(new OutputTensor(Boxes, [1, 6, 4]), new OutputTensor(Scores, [1, 6, 2]));
        var simd = new List<Detection>();
        var scalar = new List<Detection>();
        Postprocessor.Create(TestLayouts.Configure("ssd", 2), options).Process(outputs, Identity, simd);
        ReferencePostprocessor.Create(TestLayouts.Configure("ssd", 2), options).Process(outputs, Identity, scalar);
        Assert.Equal(scalar, simd);
        return simd;
    }
}
