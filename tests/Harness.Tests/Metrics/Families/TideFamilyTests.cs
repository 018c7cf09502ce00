using Harness.Metrics;
using Harness.Metrics.Families.Tide;
using Harness.TestKit;
using Harness.Tests.Testing;

namespace Harness.Tests.Metrics.Families;

/// <summary>
/// The TIDE family on the clip of TideOraclesTests, fed as frames: the dAPs computed there by hand, pooled and per
/// class, absent for a class without truth; its names, direction and the name check.
/// </summary>
[ReferenceTestOf(typeof(TideFamily))]
public sealed class TideFamilyTests
{
    private const double Tolerance = 1e-12;
    private static readonly string[] Classes = ["car", "pedestrian", "cyclist"];

    [Fact]
    public void Writes_the_hand_computed_daps_pooled_and_per_class_and_none_for_a_class_without_truth()
    {
        TruthBox[][] truth =
        [
            [new(0, 0, 0, 10, 10), new(0, 20, 0, 10, 10), new(1, 40, 0, 10, 10)],
            [new(0, 0, 0, 10, 10), new(1, 20, 0, 10, 10)],
            [new(0, 0, 0, 10, 10)],
        ];
        Detection[][] detections =
        [
            [new(0, 0, 10, 10, 0.9f, 0), new(20, 0, 30, 3, 0.8f, 0), new(0, 0, 10, 8, 0.7f, 0), new(40, 0, 50, 10, 0.6f, 0), new(100, 0, 110, 10, 0.5f, 0)],
            [new(20, 0, 30, 10, 0.95f, 1), new(0, 0, 10, 3, 0.99f, 1)],
            [new(0, 0, 10, 10, 0.3f, 0)],
        ];
        var car = (26 + (25 / 3.0)) / 101;
        var pedestrian = 25.5 / 101;

        var metrics = FamilyMetrics.Of(Classes, truth, detections);

        Assert.Equal(((26 + (25 * 0.4)) / 101) - car, metrics["tide/cls/car"], Tolerance);
        Assert.Equal((2 / 3.0) - pedestrian, metrics["tide/cls/pedestrian"], Tolerance);
        Assert.Equal(((51 + 12.5) / 101) - car, metrics["tide/loc/car"], Tolerance);
        Assert.Equal((45.0 / 101) - car, metrics["tide/miss/car"], Tolerance);
        Assert.Equal(0, metrics["tide/miss/pedestrian"]);
        Assert.Equal((((51 + (50 / 3.0)) / 101) + 0.5 - car - pedestrian) / 2, metrics["tide/fn"], Tolerance);
        Assert.Equal(((51.0 / 101) - pedestrian) / 2, metrics["tide/both"], Tolerance);
        Assert.Equal(51.0 / 101, metrics["coco/AP50"] + metrics["tide/fp"], Tolerance);
        Assert.DoesNotContain(metrics.Keys, name => name.StartsWith("tide/", StringComparison.Ordinal) && name.EndsWith("/cyclist", StringComparison.Ordinal));
        Assert.Equal(8 * 3, metrics.Keys.Count(name => name.StartsWith("tide/", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_run_without_truth_writes_none()
    {
        var metrics = FamilyMetrics.Of(Classes, [[]], [[new Detection(0, 0, 10, 10, 0.9f, 0)]]);

        Assert.DoesNotContain(metrics.Keys, name => name.StartsWith("tide", StringComparison.Ordinal));
    }

    [Fact]
    public void Names_every_type_pooled_and_per_class_lower_is_better()
    {
        var family = new TideFamily();

        Assert.Equal(
            ["tide/cls", "tide/cls/car", "tide/cls/pedestrian", "tide/cls/cyclist", "tide/loc", "tide/loc/car"],
            family.Names(Classes).Take(6));
        Assert.Equal(8 * 4, family.Names(Classes).Count());
        Assert.False(MetricNames.HigherIsBetter("tide/miss/car"));
        Assert.Equal((0, 1), MetricNames.Range("tide/fn"));
    }

    [Theory]
    [InlineData("tide/dupe", null)]
    [InlineData("tide/bkg/cyclist", null)]
    [InlineData("tide", "does not have the form tide/<type>, tide/<type>/<class>")]
    [InlineData("tide/cls/car/x", "does not have the form tide/<type>, tide/<type>/<class>")]
    [InlineData("tide/missed", "TIDE error type")]
    [InlineData("tide/loc/bus", "bus")]
    public void The_name_check_names_the_wrong_part(string metric, string? problem)
    {
        var found = MetricNameCheck.Problem(metric, Classes);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }
}
