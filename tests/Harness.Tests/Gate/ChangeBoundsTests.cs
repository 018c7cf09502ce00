using Harness.Gate;
using Harness.Metrics.Bootstrap;
using Harness.Scenarios;

namespace Harness.Tests.Gate;

/// <summary>
/// <see cref="ChangeBounds"/> at its edges: no draws, no support, a draw or a change exactly at the limit, a shift on a
/// lower-is-better metric, a zero-width interval. Expected values are hand-computed (or from math.exp / math.log in
/// Python where noted).
/// </summary>
public sealed class ChangeBoundsTests
{
    private static readonly StatisticsSpec Statistics = GateDefaults.BuiltIn.Statistics; // confidence 0.95

    [Fact]
    public void Without_draws_another_confidence_level_is_the_point_change()
    {
        // 0.39 - 0.4 in doubles is -0.010000000000000009 (Python); the stored 95% ends are not read at 97.5%.
        var interval = new ChangeInterval(0.4, 0.39, -0.03, 0.01, 1000);

        var (low, high) = ChangeBounds.Of(interval, 0.975, Statistics, unseen: false);

        Assert.Equal((-0.010000000000000009, -0.010000000000000009), (low, high));
    }

    [Fact]
    public void With_draws_another_confidence_level_reads_their_quantiles()
    {
        // Draws 0, 0.01, ..., 0.04 (n = 5): type 7 at 0.0125 sits at position 0.05 -> 0.0005, at 0.9875 at 3.95 -> 0.0395.
        var interval = new ChangeInterval(0.4, 0.42, -1, 1, 1000) { Draws = [0, 0.01, 0.02, 0.03, 0.04] };

        var (low, high) = ChangeBounds.Of(interval, 0.975, Statistics, unseen: false);

        Assert.Equal(0.0005, low, 12);
        Assert.Equal(0.0395, high, 12);
    }

    [Theory]
    [InlineData(0L, 0.0)] // nothing counted: nothing to widen by (-ln(0.025) / 0 would be infinite)
    [InlineData(1L, 3.6888794541139363)] // -ln(0.025) / 1 (Python math.log)
    [InlineData(1000L, 0.003688879454113936)] // -ln(0.025) / 1000
    public void The_unseen_change_widens_only_an_interval_over_some_support(long support, double floor)
    {
        var still = new ChangeInterval(0.4, 0.4, 0, 0, support) { Draws = [0, 0, 0] };

        var (low, high) = ChangeBounds.Of(still, 0.95, Statistics, unseen: true);

        Assert.Equal(-floor, low, 12);
        Assert.Equal(floor, high, 12);
    }

    [Theory]
    [InlineData(false, 0.1)] // nine draws of +1.0 moved by +0.5 are each 1.5 > 1 worse: (1 + 0) / (9 + 1)
    [InlineData(true, 0.6065306597126334)] // the point 1 + 0.5 is 0.5 beyond the limit over 1 object: exp(-0.5) (Python math.exp)
    public void A_shift_moves_a_lower_is_better_metric_s_draws_and_point_upwards(bool unseen, double expected)
    {
        // fp_per_frame-like: 2 -> 3 is a worsening of 1; the reported change is 0.5 more than the re-scored one.
        var interval = new ChangeInterval(2, 3, 1, 1, 1) { Draws = [.. Enumerable.Repeat(1.0, 9)] };

        var p = ChangeBounds.PValue(interval, 0.5, 1.0, higherIsBetter: false, unseen);

        Assert.Equal(expected, p, 12);
    }

    [Fact]
    public void A_shift_moves_a_higher_is_better_metric_s_point_downwards()
    {
        // 0.5 -> 0.4 is a worsening of 0.1, a shift of -0.05 makes it 0.15: 0.05 beyond the limit 0.1 over 10 objects,
        // exp(-0.5) = 0.6065306597126334 (Python); the draws (each -0.1, so 0.15 worse) give only 1 / 10.
        var interval = new ChangeInterval(0.5, 0.4, -0.1, -0.1, 10) { Draws = [.. Enumerable.Repeat(-0.1, 9)] };

        Assert.Equal(0.6065306597126334, ChangeBounds.PValue(interval, -0.05, 0.1, higherIsBetter: true, unseen: true), 12);
        Assert.Equal(0.1, ChangeBounds.PValue(interval, -0.05, 0.1, higherIsBetter: true, unseen: false), 12);
    }

    [Theory]
    [InlineData(0.019999999999999997, 3.0 / 4)] // one step below the limit: within
    [InlineData(0.02, 3.0 / 4)] // exactly at the limit: within
    [InlineData(0.020000000000000004, 2.0 / 4)] // one step beyond it
    public void A_draw_exactly_at_the_limit_counts_as_within_it(double middle, double expected)
    {
        // Lower is better, limit 0.02: draws 0.01 (within), `middle`, 0.03 (beyond); p = (1 + within) / (3 + 1).
        var interval = new ChangeInterval(1, 1.02, 0.01, 0.03, 1000) { Draws = [0.01, middle, 0.03] };

        Assert.Equal(expected, ChangeBounds.PValue(interval, 0, 0.02, higherIsBetter: false, unseen: false), 12);
    }

    [Fact]
    public void A_draw_exactly_at_the_limit_counts_as_within_it_for_a_higher_is_better_metric_too()
    {
        // A drop of exactly 0.02 against a limit of 0.02 is within; the drop of 0.03 is not: (1 + 2) / (3 + 1).
        var interval = new ChangeInterval(0.5, 0.48, -0.03, -0.01, 1000) { Draws = [-0.03, -0.02, -0.01] };

        Assert.Equal(0.75, ChangeBounds.PValue(interval, 0, 0.02, higherIsBetter: true, unseen: false), 12);
    }

    [Fact]
    public void Without_unseen_the_p_value_is_the_draws_alone_however_far_the_point_is_beyond()
    {
        // 2 -> 3 against a limit of 0.9 over 1 object: exp(-0.1) = 0.905 would stand with `unseen`; without it, 1 / 10.
        var interval = new ChangeInterval(2, 3, 1, 1, 1) { Draws = [.. Enumerable.Repeat(1.0, 9)] };

        Assert.Equal(0.1, ChangeBounds.PValue(interval, 0, 0.9, higherIsBetter: false, unseen: false), 12);
        Assert.Equal(0.9048374180359595, ChangeBounds.PValue(interval, 0, 0.9, higherIsBetter: false, unseen: true), 12); // Python math.exp(-0.1)
    }

    [Fact]
    public void Over_no_support_the_unseen_change_adds_nothing_to_the_p_value()
    {
        // Support 0: exp(-(1 - 0.9) * 0) would be 1; the draws' 1 / 10 stands.
        var interval = new ChangeInterval(2, 3, 1, 1, 0) { Draws = [.. Enumerable.Repeat(1.0, 9)] };

        Assert.Equal(0.1, ChangeBounds.PValue(interval, 0, 0.9, higherIsBetter: false, unseen: true), 12);
    }

    [Theory]
    [InlineData(0.9999999999999999, 1.0)] // one step below the point: beyond by 1.1e-16, exp(-1.1e-16) = 1 to 12 places
    [InlineData(1.0, 0.1)] // the point exactly at the limit is not beyond it: the draws' 1 / 10
    [InlineData(1.0000000000000002, 0.1)] // one step above the point
    public void The_unseen_tail_applies_only_to_a_point_strictly_beyond_the_limit(double limit, double expected)
    {
        // Lower is better, 2 -> 3 (worsening exactly 1.0) over 1 object; nine draws each 1.5 worse, all beyond.
        var interval = new ChangeInterval(2, 3, 1.5, 1.5, 1) { Draws = [.. Enumerable.Repeat(1.5, 9)] };

        Assert.Equal(expected, ChangeBounds.PValue(interval, 0, limit, higherIsBetter: false, unseen: true), 12);
    }

    [Fact]
    public void A_zero_width_interval_has_full_power_even_at_a_zero_allowance()
    {
        // No spread: the standard error is 0 and the change is known exactly (0 / 0 would be NaN).
        Assert.Equal(1.0, ChangeBounds.Power(-0.02, -0.02, 0.95, 0));
        Assert.Equal(1.0, ChangeBounds.Power(-0.02, -0.02, 0.95, 0.01));
    }

    [Fact]
    public void A_zero_allowance_with_spread_is_caught_only_by_the_tail_beyond_the_interval()
    {
        // Phi(0 / SE - 1.959964) = Phi(-1.959964) = 0.025 (scipy.stats.norm.cdf), within the CDF's 1.2e-7.
        Assert.Equal(0.025, ChangeBounds.Power(-0.03, -0.01, 0.95, 0), 7);
    }
}
