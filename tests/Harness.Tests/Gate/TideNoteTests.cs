using Harness.Gate;

namespace Harness.Tests.Gate;

public sealed class TideNoteTests
{
    private static MetricVerdict Row(string metric, double baseline, double measured, double low, double high) =>
        new(metric, baseline, measured, "+0.02 (ungated: warns)", MetricOutcome.Pass) { Low = low, High = high };

    private static ScenarioVerdict Verdict(params MetricVerdict[] rows) => new("s", rows, ["first note"], BaselineMissing: false, IsCi: false);

    [Fact]
    public void Names_the_pooled_types_whose_interval_excludes_zero_largest_change_first()
    {
        var verdict = Verdict(
            Row("tide/bkg", 0.002, 0.006, 0.001, 0.008),
            Row("tide/loc", 0.27, 0.07, -0.27, -0.13),
            Row("tide/miss", 0.17, 0.18, -0.01, 0.03),
            Row("tide/loc/car", 0.3, 0.1, -0.3, -0.1),
            Row("coco/AP", 0.5, 0.4, -0.2, -0.05));

        var noted = TideNote.With(verdict);

        Assert.Equal(["first note", "AP50 lost to each error type (TIDE dAP), sure changes: loc -0.2 [-0.27, -0.13], bkg +0.004 [+0.001, +0.008]"], noted.Notes);
    }

    [Theory]
    [InlineData(0.0, 0.03)]
    [InlineData(-0.03, 0.0)]
    public void An_interval_that_reaches_zero_is_not_sure(double low, double high)
    {
        var verdict = Verdict(Row("tide/miss", 0.17, 0.18, low, high));

        Assert.Same(verdict, TideNote.With(verdict));
    }

    [Fact]
    public void A_run_without_TIDE_rows_or_a_change_is_left_as_it_is()
    {
        var none = Verdict(Row("coco/AP", 0.5, 0.4, -0.2, -0.05));
        var unchanged = Verdict(Row("tide/loc", 0.2, 0.2, 0, 0));

        Assert.Same(none, TideNote.With(none));
        Assert.Same(unchanged, TideNote.With(unchanged));
    }
}
