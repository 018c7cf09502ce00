using Harness.Metrics;

namespace Harness.Tests.Metrics;

public sealed class PercentileTests
{
    [Theory]
    [InlineData(50, 50)]
    [InlineData(90, 90)]
    [InlineData(99, 99)]
    [InlineData(100, 100)]
    [InlineData(1, 1)]
    public void Nearest_rank_on_one_to_hundred_is_the_percent_itself(int percent, double expected)
    {
        var samples = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

        Assert.Equal(expected, Percentile.NearestRank(samples, percent));
    }

    [Fact]
    public void Small_samples_round_the_rank_up()
    {
        double[] samples = [3, 7, 11];

        Assert.Equal(7, Percentile.NearestRank(samples, 50));
        Assert.Equal(11, Percentile.NearestRank(samples, 90));
        Assert.Equal(3, Percentile.NearestRank(samples, 33));
        Assert.Equal(7, Percentile.NearestRank(samples, 34));
    }
}
