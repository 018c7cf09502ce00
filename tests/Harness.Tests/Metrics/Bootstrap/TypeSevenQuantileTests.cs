using Harness.Metrics.Bootstrap;

namespace Harness.Tests.Metrics.Bootstrap;

public sealed class TypeSevenQuantileTests
{
    [Theory]
    [InlineData(0.025, 1.075)]
    [InlineData(0.975, 3.925)]
    [InlineData(0.5, 2.5)]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 4.0)]
    public void Interpolates_between_order_statistics_as_numpy_quantile_does(double probability, double expected)
    {
        // numpy.quantile([1, 2, 3, 4], p)
        Assert.Equal(expected, TypeSevenQuantile.Of([1.0, 2.0, 3.0, 4.0], probability), 15);
    }

    [Fact]
    public void A_single_value_is_every_quantile()
    {
        Assert.Equal(-0.25, TypeSevenQuantile.Of([-0.25], 0.025));
        Assert.Equal(-0.25, TypeSevenQuantile.Of([-0.25], 1.0));
    }
}
