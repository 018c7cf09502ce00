using Harness.Gate;
using Harness.Postprocessing;

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
        Assert.Equal(PipelineAgreement.Changed, Compare([[Car]], [[Car], []]).Agreement);
    }

    [Fact]
    public void Each_baseline_detection_pairs_once()
    {
        // Two current detections both within tolerance of the first baseline one: the second must take the other.
        var a = new Detection(0, 0, 10, 10, 0.5f, 0);
        var b = new Detection(0, 0, 10, 10.5f, 0.5f, 0);

        Assert.Equal(PipelineAgreement.Changed, Compare([[a, b]], [[a, a]]).Agreement);
    }

    private static (PipelineAgreement Agreement, string Detail) Compare(Detection[][] baseline, Detection[][] current) =>
        DetectionAgreement.Compare(baseline, current, 0.01, 1e-4);

    private static float BitIncrement(float value) => MathF.BitIncrement(value);
}
