using Harness.Metrics.Nuscenes;
using static Harness.Tests.Metrics.Nuscenes.NuscenesBoxes;

namespace Harness.Tests.Metrics.Nuscenes;

public sealed class NuscenesBoxErrorsTests
{
    [Fact]
    public void Centre_distance_is_in_the_ground_plane_only()
    {
        var truth = Box(1, 2);
        var prediction = Box(4, 6) with { Translation = (4, 6, 30) };

        Assert.Equal(5, NuscenesBoxErrors.CenterDistance(truth, prediction));
    }

    [Fact]
    public void Scale_error_is_one_minus_the_iou_of_the_sizes_aligned()
    {
        // Intersection 1 · 4 · 1.5 = 6 of volumes 12 and 12: IoU 6 / 18.
        var truth = Box(0, 0, size: (2, 4, 1.5));
        var prediction = Box(3, 3, yaw: 1, size: (1, 4, 3));

        Assert.Equal(2.0 / 3, NuscenesBoxErrors.ScaleError(truth, prediction), 1e-15);
    }

    [Theory]
    [InlineData(0, 180, 360, 180)]
    [InlineData(0, 180, 180, 0)]
    [InlineData(0, 135, 180, 45)]
    [InlineData(170, -170, 360, 20)]
    [InlineData(-90, 90, 180, 0)]
    [InlineData(10, 200, 180, 10)]
    [InlineData(10, 200, 360, 170)]
    public void Orientation_error_is_the_smallest_yaw_difference_in_its_period(double truthDegrees, double predictedDegrees, double periodDegrees, double expectedDegrees)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;

        var error = NuscenesBoxErrors.OrientationError(Box(0, 0, yaw: Radians(truthDegrees)), Box(0, 0, yaw: Radians(predictedDegrees)), Radians(periodDegrees));

        Assert.Equal(Radians(expectedDegrees), error, 1e-12);
    }

    [Fact]
    public void Yaw_reads_an_unnormalised_quaternion_as_its_rotation()
    {
        var quarterTurn = (Math.Cos(Math.PI / 4), 0.0, 0.0, Math.Sin(Math.PI / 4));
        var scaled = (3 * quarterTurn.Item1, 0.0, 0.0, 3 * quarterTurn.Item4);

        Assert.Equal(Math.PI / 2, NuscenesBoxErrors.Yaw(quarterTurn), 1e-15);
        Assert.Equal(Math.PI / 2, NuscenesBoxErrors.Yaw(scaled), 1e-15);
        Assert.Equal(0, NuscenesBoxErrors.Yaw((0, 0, 0, 0)));
    }

    [Fact]
    public void Velocity_error_is_nan_when_either_velocity_is_unknown()
    {
        Assert.Equal(5, NuscenesBoxErrors.VelocityError(Box(0, 0, velocity: (1, 1)), Box(0, 0, velocity: (4, 5))));
        Assert.True(double.IsNaN(NuscenesBoxErrors.VelocityError(Box(0, 0, velocity: (double.NaN, double.NaN)), Box(0, 0))));
        Assert.True(double.IsNaN(NuscenesBoxErrors.VelocityError(Box(0, 0), Box(0, 0, velocity: (0, double.NaN)))));
    }

    [Fact]
    public void Attribute_error_is_nan_for_truth_without_an_attribute()
    {
        Assert.Equal(0, NuscenesBoxErrors.AttributeError(Box(0, 0, attribute: "vehicle.moving"), Box(0, 0, attribute: "vehicle.moving")));
        Assert.Equal(1, NuscenesBoxErrors.AttributeError(Box(0, 0, attribute: "vehicle.moving"), Box(0, 0, attribute: "vehicle.parked")));
        Assert.Equal(1, NuscenesBoxErrors.AttributeError(Box(0, 0, attribute: "vehicle.moving"), Box(0, 0)));
        Assert.True(double.IsNaN(NuscenesBoxErrors.AttributeError(Box(0, 0), Box(0, 0, attribute: "vehicle.moving"))));
    }
}
