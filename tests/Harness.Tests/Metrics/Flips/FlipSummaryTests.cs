using Harness.Metrics.Flips;

namespace Harness.Tests.Metrics.Flips;

public sealed class FlipSummaryTests
{
    [Fact]
    public void Describes_the_four_counts()
    {
        Assert.Equal("3 objects lost, 5 found, 12 false positives appeared, 9 gone", Summary(3, 5, 0, 12, 9).Describe());
    }

    [Fact]
    public void Adds_class_changes_when_there_are_any()
    {
        Assert.Equal("0 objects lost, 0 found, 0 false positives appeared, 0 gone, 2 class changes", Summary(0, 0, 2, 0, 0).Describe());
    }

    [Fact]
    public void Uses_the_singular_for_one()
    {
        Assert.Equal("1 object lost, 1 found, 1 false positive appeared, 1 gone, 1 class change", Summary(1, 1, 1, 1, 1).Describe());
    }

    [Fact]
    public void Says_no_object_changed_when_every_count_is_zero()
    {
        Assert.Equal("no object changed", Summary(0, 0, 0, 0, 0).Describe());
    }

    private static FlipSummary Summary(int lost, int found, int classChanged, int appeared, int gone) =>
        new(lost, found, classChanged, appeared, gone, new Dictionary<string, FlipCounts>(), []);
}
