using Harness.Gate;
using Harness.Postprocessing;
using Harness.Preprocessing;
using Harness.Scenarios;
using Harness.TestKit;
using Harness.Tests.Postprocessing;

namespace Harness.Tests.Gate;

public sealed class DetectionAgreementTests
{
    private static readonly Detection Car = new(10, 20, 110, 80, 0.9f, 0);
    private static readonly Detection Person = new(200, 40, 230, 120, 0.6f, 1);

    /// <summary>The default scenarios' operating point.</summary>
    private static readonly PostprocessSpec OperatingPoint = new(ScoreThreshold: 0.25f, IouThreshold: 0.45f, MaxDetections: 300, ClassAgnostic: false);

    /// <summary>Powers of two, so every difference the tests make at them is exact in float and double.</summary>
    private static readonly EquivalenceSpec Exact = new(BoxPixels: 0.25, Score: 1.0 / 1024, Iou: 1.0 / 16);

    [Fact]
    public void Bit_identical_frames_are_identical()
    {
        var (agreement, detail) = Compare([[Car, Person], []], [[Car, Person], []]);

        Assert.Equal(PipelineAgreement.Identical, agreement);
        Assert.Equal("", detail);
    }

    [Fact]
    public void Last_digit_noise_in_any_order_is_equivalent_and_the_worst_difference_is_named()
    {
        var noisy = Car with { X1 = BitIncrement(Car.X1), Score = Car.Score + 0.00005f };

        var (agreement, detail) = Compare([[Car, Person]], [[Person, noisy]]);

        Assert.Equal(PipelineAgreement.Equivalent, agreement);
        Assert.Contains("scores by up to 0.00005", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.01f, 0f, PipelineAgreement.Equivalent)] // box exactly at the tolerance
    [InlineData(0.0105f, 0f, PipelineAgreement.Changed)]
    [InlineData(0f, 0.0001f, PipelineAgreement.Equivalent)] // score exactly at the tolerance
    [InlineData(0f, 0.00011f, PipelineAgreement.Changed)]
    public void Tolerance_boundaries(float boxShift, float scoreShift, PipelineAgreement expected)
    {
        // Float sums are inexact, so the tolerances are widened by far less than the step either side of them.
        var baseline = new Detection(64, 64, 128, 128, 0.5f, 0);
        var moved = baseline with { Y2 = baseline.Y2 + boxShift, Score = baseline.Score + scoreShift };

        Assert.Equal(expected, DetectionAgreement.Compare([[baseline]], [[moved]], new EquivalenceSpec(0.01 + 1e-6, 0.0001 + 1e-7, 0.005), OperatingPoint).Agreement);
    }

    [Fact]
    public void Differences_exactly_at_the_tolerances_are_equivalent()
    {
        // Powers of two, so every difference is exact in float and double.
        var baseline = new Detection(64, 64, 128, 128, 0.5f, 0);
        var moved = baseline with { X2 = 128.25f, Score = 0.5f + (1f / 1024) };

        var (agreement, detail) = DetectionAgreement.Compare([[baseline]], [[moved]], Exact, OperatingPoint);

        Assert.Equal(PipelineAgreement.Equivalent, agreement);
        Assert.Equal("detections differ within tolerance: box corners by up to 0.25 px, scores by up to 0.0009766", detail);
    }

    [Fact]
    public void Worst_corner_and_score_differences_are_reported()
    {
        var a = new Detection(0, 0, 10, 10, 0.5f, 0);
        var b = new Detection(20, 20, 40, 40, 0.25f, 1);

        var (_, detail) = DetectionAgreement.Compare([[a, b]], [[a with { Y1 = 0.125f }, b with { X1 = 20.0625f, Score = 0.25f + (1f / 4096) }]], Exact, OperatingPoint);

        Assert.Equal("detections differ within tolerance: box corners by up to 0.125 px, scores by up to 0.0002441", detail);
    }

    [Fact]
    public void Equally_close_candidates_go_to_the_first_so_the_second_stays_free()
    {
        var first = new Detection(0, 0, 10, 10, 0.5f, 0);
        var second = new Detection(0, 0, 10, 10.5f, 0.5f, 0);
        var between = new Detection(0, 0, 10, 10.25f, 0.5f, 0);

        Assert.Equal(PipelineAgreement.Equivalent, DetectionAgreement.Compare([[first, second]], [[between, second]], Exact with { Score = 0 }, OperatingPoint).Agreement);
    }

    [Fact]
    public void Another_class_is_a_change_even_with_the_same_box()
    {
        var (agreement, detail) = Compare([[Car]], [[Car with { ClassId = 2 }]]);

        Assert.Equal(PipelineAgreement.Changed, agreement);
        Assert.StartsWith("frame 0: class 2 box (10, 20, 110, 80) score 0.9 has no baseline detection", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Detection_well_above_the_score_threshold_appearing_is_a_change_that_names_it()
    {
        var (agreement, detail) = Compare([[Car], [Car]], [[Car], [Car, Person]]);

        Assert.Equal(PipelineAgreement.Changed, agreement);
        Assert.Equal(
            "frame 1: class 1 box (200, 40, 230, 120) score 0.6 has no baseline detection within 0.01 px and 0.0001 score, and it is not borderline: " +
            "its score is not within 0.0001 of the 0.25 threshold and NMS did not decide it within 0.005 of the 0.45 IoU threshold",
            detail);
    }

    [Fact]
    public void Detection_well_above_the_score_threshold_vanishing_is_a_change()
    {
        var (agreement, detail) = Compare([[Car, Person]], [[Car]]);

        Assert.Equal(PipelineAgreement.Changed, agreement);
        Assert.StartsWith("frame 0: baseline class 1 box (200, 40, 230, 120) score 0.6 has no detection now within", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 0, PipelineAgreement.Equivalent)] // the score tolerance above the threshold, exactly
    [InlineData(1, -1, PipelineAgreement.Equivalent)] // one float step closer
    [InlineData(1, 1, PipelineAgreement.Changed)] // one float step further
    [InlineData(0, 0, PipelineAgreement.Equivalent)] // at the threshold
    [InlineData(2, 0, PipelineAgreement.Changed)]
    [InlineData(-1, 0, PipelineAgreement.Equivalent)] // below it by the tolerance: what a filter that keeps it in another run sees
    public void Borderline_score_may_vanish_or_appear_within_the_score_tolerance_of_the_threshold(int tolerances, int steps, PipelineAgreement expected)
    {
        var score = 0.25f + (tolerances / 1024f);
        score = steps < 0 ? MathF.BitDecrement(score) : steps > 0 ? MathF.BitIncrement(score) : score;
        var borderline = Person with { Score = score };

        var vanished = DetectionAgreement.Compare([[Car, borderline]], [[Car]], Exact, OperatingPoint).Agreement;
        var appeared = DetectionAgreement.Compare([[Car]], [[Car, borderline]], Exact, OperatingPoint).Agreement;

        Assert.Equal((expected, expected), (vanished, appeared));
    }

    [Fact]
    public void Borderline_score_at_the_built_in_tolerance_vanishing_is_equivalent_and_named()
    {
        var (agreement, detail) = Compare([[Car], [Car, Person with { Score = 0.25005f }]], [[Car], [Car]]);

        Assert.Equal(PipelineAgreement.Equivalent, agreement);
        Assert.EndsWith("; 1 borderline detections appeared or vanished (score within 0.0001 of the score threshold, or an NMS IoU within 0.005 of the IoU threshold): frame 1 class 1 score 0.25005 vanished", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, PipelineAgreement.Equivalent)] // IoU 144/256: the IoU tolerance below the threshold, exactly
    [InlineData(1, PipelineAgreement.Equivalent)] // 145/256: a step of 1/16 px closer
    [InlineData(-1, PipelineAgreement.Changed)] // 143/256: a step further
    [InlineData(-64, PipelineAgreement.Changed)] // 80/256: nowhere near the threshold
    public void Detection_nms_decided_within_the_iou_tolerance_of_the_threshold_may_vanish(int sixteenths, PipelineAgreement expected)
    {
        // A 16 x 16 box and a lower-scoring one inside it, 9 px tall (IoU 144/256, 1/16 under a 160/256 threshold):
        // where the lower one vanished, NMS suppressed it on an IoU a last digit could have put on either side.
        var higher = new Detection(0, 0, 16, 16, 0.9f, 0);
        var lower = new Detection(0, 0, 16, 9 + (sixteenths / 16f), 0.6f, 0);

        var (agreement, _) = DetectionAgreement.Compare([[higher, lower]], [[higher]], Exact, OperatingPoint with { IouThreshold = 0.625f });

        Assert.Equal(expected, agreement);
    }

    [Theory]
    [InlineData(false, PipelineAgreement.Changed)] // NMS never weighs boxes of two classes against each other
    [InlineData(true, PipelineAgreement.Equivalent)]
    public void Box_of_another_class_near_the_iou_threshold_explains_a_flip_only_under_class_agnostic_nms(bool classAgnostic, PipelineAgreement expected)
    {
        var higher = new Detection(0, 0, 16, 16, 0.9f, 1);
        var lower = new Detection(0, 0, 16, 9, 0.6f, 0);

        var (agreement, _) = DetectionAgreement.Compare([[higher, lower]], [[higher]], Exact, OperatingPoint with { IouThreshold = 0.625f, ClassAgnostic = classAgnostic });

        Assert.Equal(expected, agreement);
    }

    [Fact]
    public void Lower_scoring_box_near_the_iou_threshold_does_not_explain_a_flip()
    {
        // NMS only ever suppresses a box for a higher-scoring one.
        var higher = new Detection(0, 0, 16, 16, 0.6f, 0);
        var lower = new Detection(0, 0, 16, 9, 0.3f, 0);

        Assert.Equal(PipelineAgreement.Changed, DetectionAgreement.Compare([[higher, lower]], [[lower]], Exact, OperatingPoint with { IouThreshold = 0.625f }).Agreement);
    }

    [Fact]
    public void Box_that_a_borderline_nms_flip_freed_appears_within_equivalence()
    {
        // Under a 0.5 IoU threshold: "middle" overlaps "top" by 160/352 (within 1/16 of it), so last digits decide
        // whether NMS keeps it; kept, it suppresses "low" (208/304); suppressed, "low" (112/400 with "top") is kept.
        var top = new Detection(0, 0, 16, 16, 0.9f, 0);
        var middle = new Detection(0, 6, 16, 22, 0.6f, 0);
        var low = new Detection(0, 9, 16, 25, 0.4f, 0);
        var point = OperatingPoint with { IouThreshold = 0.5f };

        var (agreement, detail) = DetectionAgreement.Compare([[top, middle]], [[top, low]], Exact, point);
        var afar = top with { X1 = 100, X2 = 116 };

        Assert.Equal(PipelineAgreement.Equivalent, agreement);
        Assert.Contains("2 borderline detections appeared or vanished", detail, StringComparison.Ordinal);
        // With "top" far away, "middle" vanishing is no NMS decision near the threshold, and nothing explains "low".
        Assert.Equal(PipelineAgreement.Changed, DetectionAgreement.Compare([[afar, middle]], [[afar, low]], Exact, point).Agreement);
    }

    [Fact]
    public void Drift_within_the_built_in_tolerances_is_equivalent_and_beyond_them_a_change()
    {
        var tolerance = GateDefaults.BuiltIn.Equivalence;
        Detection Drifted(double factor) => Car with
        {
            X2 = Car.X2 + (float)(factor * tolerance.BoxPixels),
            Score = Car.Score - (float)(factor * tolerance.Score),
        };

        Assert.Equal(PipelineAgreement.Equivalent, Compare([[Car, Person]], [[Drifted(0.5), Person]]).Agreement);
        Assert.Equal(PipelineAgreement.Changed, Compare([[Car, Person]], [[Drifted(2), Person]]).Agreement);
    }

    [Fact]
    public void Another_frame_count_is_a_change()
    {
        Assert.Equal((PipelineAgreement.Changed, "1 frames in the baseline, 2 now"), Compare([[Car]], [[Car], []]));
    }

    [Fact]
    public void Each_baseline_detection_pairs_once()
    {
        // Two current detections both within tolerance of the first baseline one: the second must take the other.
        var a = new Detection(0, 0, 10, 10, 0.5f, 0);
        var b = new Detection(0, 0, 10, 10.5f, 0.5f, 0);

        Assert.Equal(PipelineAgreement.Changed, Compare([[a, b]], [[a, a]]).Agreement);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Last_digit_noise_in_model_outputs_decodes_to_equivalent_detections(int seed)
    {
        // What another CPU family or ONNX Runtime build does to a model's outputs: every float one or two units in the
        // last place away. Decoded through the real postprocessor (threshold, NMS), the frames must stay equivalent.
        var clean = SyntheticYolov8Output.Create(8400, 3, objects: 12, anchorsPerObject: 10, inputSize: 640, seed: seed);
        var random = new Random(seed);
        var noisy = clean.Select(v => random.Next(3) switch { 0 => MathF.BitDecrement(v), 1 => v, _ => MathF.BitIncrement(MathF.BitIncrement(v)) }).ToArray();

        Assert.NotEmpty(Decode(clean));
        var (agreement, _) = Compare([Decode(clean)], [Decode(noisy)]);

        Assert.NotEqual(PipelineAgreement.Changed, agreement);
    }

    private static Detection[] Decode(float[] outputs)
    {
        long[] shape = [1, 7, 8400];
        var detections = new List<Detection>();
        Postprocessor.Create(TestLayouts.Configure("yolov8", 3), new PostprocessOptions()).Process(
            new ModelOutputs(new OutputTensor(outputs, shape)), LetterboxTransform.Identity(640, 640), detections);
        return [.. detections];
    }

    /// <summary>At the built-in tolerances, which the comparison's messages name.</summary>
    private static (PipelineAgreement Agreement, string Detail) Compare(Detection[][] baseline, Detection[][] current) =>
        DetectionAgreement.Compare(baseline, current, new EquivalenceSpec(0.01, 1e-4, 0.005), OperatingPoint);

    private static float BitIncrement(float value) => MathF.BitIncrement(value);
}
