using Harness.Gate;
using Harness.Postprocessing;
using Harness.Preprocessing;
using Harness.Tests.Postprocessing;

namespace Harness.Tests.Gate;

public sealed class DetectionAgreementTests
{
    private static readonly Detection Car = new(10, 20, 110, 80, 0.9f, 0);
    private static readonly Detection Person = new(200, 40, 230, 120, 0.6f, 1);

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

        Assert.Equal(expected, DetectionAgreement.Compare([[baseline]], [[moved]], 0.01 + 1e-6, 0.0001 + 1e-7).Agreement);
    }

    [Fact]
    public void Differences_exactly_at_the_tolerances_are_equivalent()
    {
        // Powers of two, so every difference is exact in float and double.
        var baseline = new Detection(64, 64, 128, 128, 0.5f, 0);
        var moved = baseline with { X2 = 128.25f, Score = 0.5f + (1f / 1024) };

        var (agreement, detail) = DetectionAgreement.Compare([[baseline]], [[moved]], 0.25, 1.0 / 1024);

        Assert.Equal(PipelineAgreement.Equivalent, agreement);
        Assert.Equal("detections differ within tolerance: box corners by up to 0.25 px, scores by up to 0.0009766", detail);
    }

    [Fact]
    public void Worst_corner_and_score_differences_are_reported()
    {
        var a = new Detection(0, 0, 10, 10, 0.5f, 0);
        var b = new Detection(20, 20, 40, 40, 0.25f, 1);

        var (_, detail) = DetectionAgreement.Compare([[a, b]], [[a with { Y1 = 0.125f }, b with { X1 = 20.0625f, Score = 0.25f + (1f / 4096) }]], 0.25, 1.0 / 1024);

        Assert.Equal("detections differ within tolerance: box corners by up to 0.125 px, scores by up to 0.0002441", detail);
    }

    [Fact]
    public void Equally_close_candidates_go_to_the_first_so_the_second_stays_free()
    {
        var first = new Detection(0, 0, 10, 10, 0.5f, 0);
        var second = new Detection(0, 0, 10, 10.5f, 0.5f, 0);
        var between = new Detection(0, 0, 10, 10.25f, 0.5f, 0);

        Assert.Equal(PipelineAgreement.Equivalent, DetectionAgreement.Compare([[first, second]], [[between, second]], 0.25, 0).Agreement);
    }

    [Fact]
    public void Another_class_is_a_change_even_with_the_same_box()
    {
        var (agreement, detail) = Compare([[Car]], [[Car with { ClassId = 2 }]]);

        Assert.Equal(PipelineAgreement.Changed, agreement);
        Assert.StartsWith("frame 0: class 2 box (10, 20, 110, 80) score 0.9 has no baseline detection", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_detection_count_is_a_change()
    {
        var (agreement, detail) = Compare([[Car], [Car]], [[Car], [Car, Person]]);

        Assert.Equal(PipelineAgreement.Changed, agreement);
        Assert.Equal("frame 1: 1 detections in the baseline, 2 now", detail);
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

    private static (PipelineAgreement Agreement, string Detail) Compare(Detection[][] baseline, Detection[][] current) =>
        DetectionAgreement.Compare(baseline, current, 0.01, 1e-4);

    private static float BitIncrement(float value) => MathF.BitIncrement(value);
}
