using Harness.Metrics.Flips;

namespace Harness.Tests.Metrics.Flips;

public sealed class FlipSeverityTests
{
    private const double Area = 40 * 40;

    [Fact]
    public void A_near_large_pedestrian_is_more_severe_than_a_far_small_car()
    {
        Assert.True(FlipSeverity.Of(FlipKind.Lost, vulnerable: true, 5, 80 * 160) > FlipSeverity.Of(FlipKind.Lost, vulnerable: false, 80, 12 * 12));
    }

    [Fact]
    public void Vulnerable_road_users_weigh_more_than_others_at_the_same_range_and_size()
    {
        Assert.True(FlipSeverity.Of(FlipKind.Lost, vulnerable: true, 30, Area) > FlipSeverity.Of(FlipKind.Lost, vulnerable: false, 30, Area));
    }

    [Theory]
    [InlineData("Pedestrian")]
    [InlineData("person")]
    [InlineData("CYCLIST")]
    [InlineData("bicycle")]
    [InlineData("rider")]
    [InlineData("motorcycle")]
    [InlineData("Motorcyclist")]
    public void Vulnerable_classes_are_named_in_any_case(string name) => Assert.True(FlipSeverity.IsVulnerable(name));

    [Theory]
    [InlineData("car")]
    [InlineData("truck")]
    [InlineData("bus")]
    public void Vehicles_are_not_vulnerable(string name) => Assert.False(FlipSeverity.IsVulnerable(name));

    [Fact]
    public void Nearer_and_larger_are_more_severe()
    {
        Assert.True(FlipSeverity.Of(FlipKind.Lost, false, 10, Area) > FlipSeverity.Of(FlipKind.Lost, false, 40, Area));
        Assert.True(FlipSeverity.Of(FlipKind.Lost, false, 10, 4 * Area) > FlipSeverity.Of(FlipKind.Lost, false, 10, Area));
    }

    [Fact]
    public void An_unknown_range_counts_as_far_ish()
    {
        var unknown = FlipSeverity.Of(FlipKind.Lost, false, null, Area);

        Assert.True(unknown < FlipSeverity.Of(FlipKind.Lost, false, 30, Area));
        Assert.True(unknown > FlipSeverity.Of(FlipKind.Lost, false, 100, Area));
        Assert.Equal(unknown, FlipSeverity.Of(FlipKind.Lost, false, float.NaN, Area));
    }

    [Fact]
    public void Kinds_rank_lost_then_class_changed_then_appeared_then_found_then_gone_at_equal_size()
    {
        FlipKind[] kinds = [FlipKind.Lost, FlipKind.ClassChanged, FlipKind.FalsePositiveAppeared, FlipKind.Found, FlipKind.FalsePositiveGone];

        var severities = kinds.Select(k => FlipSeverity.Of(k, false, null, Area)).ToArray();

        Assert.Equal(severities.OrderDescending(), severities);
        Assert.Equal(severities.Length, severities.Distinct().Count());
    }

    [Fact]
    public void Follows_the_documented_formula()
    {
        // 2 (vulnerable) x 20 / (20 + 20) x 64 / (64 + 64) x 0.75 (class changed).
        Assert.Equal(0.375, FlipSeverity.Of(FlipKind.ClassChanged, true, 20, 64 * 64), 12);
    }
}
