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
    [InlineData(1e-12, -7.034483825301131)]
    [InlineData(0.999999999999, 7.0344869100478356)]
    [InlineData(1e-20, -9.262340089798409)]
    [InlineData(1e-300, -37.0470962993612)]
    public void Quantile_agrees_with_scipy_in_the_far_tail_beyond_s_5(double p, double expected)
    {
        // scipy.special.ndtri (scipy 1.10.1). sqrt(-ln p) > 5 here: AS 241's third rational, where the middle one is off
        // by 2e-14 at 1e-12 and 6e-11 at 1e-20.
        Assert.Equal(expected, StandardNormal.Quantile(p), 1e-14 * Math.Abs(expected));
    }

    [Theory]
    [InlineData(0.07499999999999998, -1.4395314709384555)] // q one step below -0.425: the middle rational
    [InlineData(0.075, -1.4395314709384557)] // q = 0.075 - 0.5 = -0.425 exactly: still the central rational (|q| <= 0.425)
    [InlineData(0.07500000000000001, -1.4395314709384557)] // one step inside: the central rational
    [InlineData(0.925, 1.439531470938456)] // q = 0.42500000000000004, just beyond 0.425: the middle rational (no double p gives +0.425 exactly)
    [InlineData(1.3887943864964021e-11, -6.6579046435011024)] // exp(-25): sqrt(-ln p) = 5 exactly, still the middle rational (s <= 5)
    public void Quantile_takes_AS241_s_branch_exactly_at_each_split(double p, double expected)
    {
        // Either rational is accurate to about 1e-16 at a split, so only the bits tell them apart. Expected: AS 241's
        // rational for the branch the algorithm prescribes, evaluated in Python doubles with the same operations (Horner,
        // then one division); at 0.075 the other branch gives -1.4395314709384555, at exp(-25) -6.657904643501103. Both
        // agree with scipy.special.ndtri (-1.4395314709384563, 1.4395314709384563, -6.657904643501104) to 2e-15.
        Assert.Equal(expected, StandardNormal.Quantile(p));
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
