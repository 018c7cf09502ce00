using Harness.Gate;

namespace Harness.Tests.Gate;

/// <summary>Against scipy.stats.norm (scipy 1.10.1) at the same points.</summary>
public sealed class StandardNormalTests
{
    [Theory]
    [InlineData(-3.5, 0.00023262907903552502)]
    [InlineData(-1.0, 0.15865525393145707)]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.8413447460685429)]
    [InlineData(1.959963984540054, 0.975)]
    [InlineData(2.5, 0.9937903346742238)]
    [InlineData(6.0, 0.9999999990134123)]
    public void Cdf_agrees_with_scipy_to_the_accuracy_of_the_erfc_approximation(double x, double expected)
    {
        Assert.Equal(expected, StandardNormal.Cdf(x), 1e-7 * Math.Max(expected, 1e-3));
    }

    [Theory]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(0.00625, -2.497705474412373)]
    [InlineData(0.025, -1.9599639845400545)]
    [InlineData(0.1, -1.2815515655446004)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.9, 1.2815515655446004)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.99375, 2.497705474412374)]
    [InlineData(0.999, 3.090232306167813)]
    public void Quantile_agrees_with_scipy_in_every_region_of_AS241(double p, double expected)
    {
        Assert.Equal(expected, StandardNormal.Quantile(p), 1e-12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Quantile_of_zero_one_or_nothing_is_refused(double p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StandardNormal.Quantile(p));
    }
}
