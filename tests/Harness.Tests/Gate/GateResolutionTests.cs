using Harness.Gate;
using Harness.Scenarios;

namespace Harness.Tests.Gate;

public sealed class GateResolutionTests
{
    [Theory]
    [InlineData(100, 0.95, 0.2101485)]
    [InlineData(520, 0.95, 0.0404132)]
    [InlineData(520, 0.9875, 0.0549338)]
    [InlineData(4500, 0.9875, 0.0063479)]
    public void The_smallest_allowance_is_twice_the_squared_sum_of_the_quantiles_over_the_support(double support, double confidence, double expected)
    {
        // 2 (z + 1.281552)^2 / N with z = 1.959964 at 95% and 2.497705 at 98.75%.
        Assert.Equal(expected, GateResolution.SmallestAllowance(support, confidence), 6);
    }

    [Fact]
    public void Nothing_to_count_resolves_nothing()
    {
        Assert.Equal(double.PositiveInfinity, GateResolution.SmallestAllowance(0, 0.95));
    }

    [Theory]
    [InlineData(-1.0, double.PositiveInfinity)]
    [InlineData(0.0, double.PositiveInfinity)]
    [InlineData(1.0, 21.014846122881238)] // 2 (1.959964 + 1.281552)^2 (scipy.stats.norm.ppf)
    public void Nothing_or_less_to_count_resolves_nothing(double support, double expected)
    {
        Assert.Equal(expected, GateResolution.SmallestAllowance(support, 0.95), 9);
    }

    [Fact]
    public void Negative_zero_to_count_resolves_nothing_either()
    {
        // 0 false positives per frame written as -0 times the frames: 2 z^2 / -0 would be negative infinity.
        Assert.Equal(double.PositiveInfinity, GateResolution.SmallestAllowance(double.NegativeZero, 0.95));
    }

    [Fact]
    public void A_gate_over_no_truth_objects_says_the_clip_resolves_nothing()
    {
        var problems = OneGate("coco/AP", new Tolerance(0.01, false), support: 0, value: 0.4);

        Assert.Equal(["coco/AP: computed over 0 truth objects, fewer than min_support 30; the clip resolves a change of infinity or more, " +
            "the gate allows 0.01: lengthen the clip or widen the allowance"], problems);
    }

    /// <summary>Changed behaviour: infinity times the baseline's 0 per frame was NaN, which no allowance is below, so the gate passed the check.</summary>
    [Fact]
    public void False_positives_per_frame_over_a_baseline_without_false_positives_resolve_nothing()
    {
        var problems = OneGate("fp_per_frame", new Tolerance(0.1, true), support: 300, value: 0);

        Assert.Equal(["fp_per_frame: computed over 300 frames with 0 false positives, the clip resolves a change of infinity or more at the gate's 95% level, " +
            "the gate allows 0: lengthen the clip or widen the allowance"], problems);
    }

    [Fact]
    public void The_level_is_named_to_two_decimals()
    {
        // Three interval gates at 95%: 1 - 0.05 / 3 = 98.333...%; z = 2.393980 (scipy), 2 (2.393980 + 1.281552)^2 / 100 = 0.2702.
        var problems = OneGate("coco/AP", new Tolerance(0.27, false), support: 100, value: 0.4, confidence: 1 - (0.05 / 3));

        Assert.Equal(["coco/AP: computed over 100 truth objects, the clip resolves a change of 0.2702 or more at the gate's 98.33% level, " +
            "the gate allows 0.27: lengthen the clip or widen the allowance"], problems);
    }

    [Fact]
    public void False_positives_per_frame_count_the_baseline_s_false_positives_and_scale_back_to_the_metric()
    {
        // 300 frames at 4 per frame: 1200 false positives resolve a relative change of 2 (3.2415)^2 / 1200 = 1.751%,
        // i.e. 0.07005 per frame; a 1.7% allowance is below it, 1.8% above.
        var below = OneGate("fp_per_frame", new Tolerance(0.017, true), support: 300, value: 4);
        var above = OneGate("fp_per_frame", new Tolerance(0.018, true), support: 300, value: 4);

        Assert.Equal(["fp_per_frame: computed over 300 frames with 1200 false positives, the clip resolves a change of 0.07 or more at the gate's 95% level, " +
            "the gate allows 0.068: lengthen the clip or widen the allowance"], below);
        Assert.Empty(above);
    }

    [Fact]
    public void A_gate_on_a_metric_without_a_known_support_is_not_judged_here()
    {
        Assert.Empty(OneGate("coco/AP", new Tolerance(0.001, false), support: null, value: 0.4));
    }

    /// <summary>The problems of one gate over <paramref name="support"/> (null: unknown) at min_support 30.</summary>
    private static IReadOnlyList<string> OneGate(string metric, Tolerance allowance, long? support, double value, double confidence = 0.95) =>
        GateResolution.Problems([new GateRule(metric, null, null, allowance, RunKind.Always)],
            support is { } count ? new Dictionary<string, long> { [metric] = count } : new Dictionary<string, long>(), new Dictionary<string, double> { [metric] = value }, 30, confidence);
}
