using Harness.Metrics.Bootstrap;

namespace Harness.Tests.Metrics.Bootstrap;

public sealed class BlockLengthSelectorTests
{
    /// <summary>A deterministic wiggle both this test and the independent reading below compute identically.</summary>
    private static double Wiggle(int t) => ((t * 7919) % 1009 / 1009.0) - 0.5;

    private static double[] Autoregressive(double phi, int n)
    {
        var series = new double[n];
        var previous = 0.0;
        for (var t = 0; t < n; t++)
        {
            previous = (phi * previous) + Wiggle(t);
            series[t] = previous;
        }

        return series;
    }

    /// <summary>
    /// Expected values from an independent numpy reading of Politis and White (2004) with the 2009 correction (the
    /// script is in docs/gating.md, "Block length"), on the same series.
    /// </summary>
    [Theory]
    [InlineData("ar0.8", 68)]
    [InlineData("ar0.5", 3)]
    [InlineData("ar0.95", 55)]
    [InlineData("wiggle", 15)]
    [InlineData("steps", 10)]
    [InlineData("trend", 17)]
    [InlineData("halves", 26)]
    public void Block_lengths_agree_with_an_independent_implementation(string name, int expected)
    {
        var series = name switch
        {
            "ar0.8" => Autoregressive(0.8, 500),
            "ar0.5" => Autoregressive(0.5, 300),
            "ar0.95" => Autoregressive(0.95, 1000),
            "wiggle" => [.. Enumerable.Range(0, 300).Select(Wiggle)],
            "steps" => [.. Enumerable.Range(0, 400).Select(i => (double)(i / 20 % 3))],
            "halves" => [.. Enumerable.Range(0, 200).Select(t => t < 100 ? 0.0 : 1.0)],
            _ => [.. Enumerable.Range(0, 100).Select(t => (double)t)],
        };

        Assert.Equal(expected, BlockLengthSelector.Select(series));
    }

    [Fact]
    public void Independent_noise_needs_no_blocks_and_persistent_noise_long_ones()
    {
        var random = new Random(5);
        var independent = Enumerable.Range(0, 2000).Select(_ => random.NextDouble()).ToArray();
        var persistent = new double[2000];
        for (var t = 1; t < persistent.Length; t++)
        {
            persistent[t] = (0.9 * persistent[t - 1]) + random.NextDouble() - 0.5;
        }

        Assert.InRange(BlockLengthSelector.Select(independent), 1, 2);
        // An AR(1) with phi 0.9 has the optimum (2 G^2 / D)^(1/3) n^(1/3) = (64800 / 481)^(1/3) 2000^(1/3), about 64.
        Assert.InRange(BlockLengthSelector.Select(persistent), 50, 80);
    }

    [Fact]
    public void No_block_is_longer_than_a_third_of_the_clip_or_three_root_n()
    {
        var random = new Random(8);
        foreach (var n in new[] { 4, 9, 30, 100, 700 })
        {
            var cap = (int)Math.Ceiling(Math.Min(3 * Math.Sqrt(n), n / 3.0));
            for (var trial = 0; trial < 20; trial++)
            {
                var series = new double[n];
                var walk = 0.0;
                for (var t = 0; t < n; t++)
                {
                    walk += random.NextDouble() - 0.5;
                    series[t] = trial % 2 == 0 ? walk : Math.Sin(t * trial / 7.0);
                }

                Assert.InRange(BlockLengthSelector.Select(series), 1, cap);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Series_too_short_to_estimate_dependence_take_one_frame_blocks(int n)
    {
        Assert.Equal(1, BlockLengthSelector.Select(new double[n]));
    }

    [Fact]
    public void A_series_without_variation_takes_one_frame_blocks()
    {
        Assert.Equal(1, BlockLengthSelector.Select(Enumerable.Repeat(3.0, 50).ToArray()));
    }
}
