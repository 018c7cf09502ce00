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

    [Fact]
    public void False_positives_per_frame_count_the_baseline_s_false_positives_and_scale_back_to_the_metric()
    {
        // 300 frames at 4 per frame: 1200 false positives resolve a relative change of 2 (3.2415)^2 / 1200 = 1.751%,
        // i.e. 0.07005 per frame; a 1.7% allowance is below it, 1.8% above.
        var supports = new Dictionary<string, long> { ["fp_per_frame"] = 300 };
        var values = new Dictionary<string, double> { ["fp_per_frame"] = 4 };

        var below = GateResolution.Problems([new GateRule("fp_per_frame", null, null, new Tolerance(0.017, true), RunKind.Always)], supports, values, 30, 0.95);
        var above = GateResolution.Problems([new GateRule("fp_per_frame", null, null, new Tolerance(0.018, true), RunKind.Always)], supports, values, 30, 0.95);

        Assert.Equal(["fp_per_frame: computed over 300 frames with 1200 false positives, the clip resolves a change of 0.07 or more at the gate's 95% level, " +
            "the gate allows 0.068: lengthen the clip or widen the allowance"], below);
        Assert.Empty(above);
    }

    [Fact]
    public void A_gate_on_a_metric_without_a_known_support_is_not_judged_here()
    {
        Assert.Empty(GateResolution.Problems([new GateRule("coco/AP", null, null, new Tolerance(0.001, false), RunKind.Always)],
            new Dictionary<string, long>(), new Dictionary<string, double> { ["coco/AP"] = 0.4 }, 30, 0.95));
    }
}
