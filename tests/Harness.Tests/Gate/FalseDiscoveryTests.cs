using Harness.Gate;
using Harness.Scenarios;

namespace Harness.Tests.Gate;

/// <summary>The step-up procedures on hand-worked p-values.</summary>
public sealed class FalseDiscoveryTests
{
    private static bool[] Bh(double rate, params double[] p) => FalseDiscovery.Discoveries(p, rate, FalseDiscoveryProcedure.BenjaminiHochberg);

    [Fact]
    public void Every_p_value_under_its_cut_is_a_discovery()
    {
        // Sorted 0.005, 0.01, 0.03, 0.04 against 0.0125, 0.025, 0.0375, 0.05.
        Assert.Equal([true, true, true, true], Bh(0.05, 0.01, 0.04, 0.03, 0.005));
    }

    [Fact]
    public void Only_the_smallest_passes_when_the_next_miss_their_cuts()
    {
        Assert.Equal([true, false, false, false], Bh(0.05, 0.01, 0.04, 0.045, 0.20));
    }

    [Fact]
    public void The_procedure_steps_up_so_a_p_value_above_its_own_cut_is_found_with_a_larger_one_that_passes()
    {
        // 0.02 > 0.0125 and 0.03 > 0.025, but 0.035 <= 0.0375: the three smallest are discoveries.
        Assert.Equal([true, true, true, false], Bh(0.05, 0.02, 0.03, 0.035, 0.5));
    }

    [Theory]
    [InlineData(0.125, true)]
    [InlineData(0.12500001, false)]
    public void A_p_value_exactly_at_its_cut_is_a_discovery(double smallest, bool found)
    {
        // Rate 0.5 over four: the first cut is 0.125 exactly.
        Assert.Equal(found, Bh(0.5, smallest, 0.9, 0.9, 0.9)[0]);
    }

    [Fact]
    public void Benjamini_Yekutieli_divides_the_rate_by_the_harmonic_number()
    {
        // H_4 = 25/12: the first cut is 0.05 / 4 / (25/12) = 0.006, which 0.01 misses and 0.0059 passes.
        Assert.Equal([false, false, false, false], FalseDiscovery.Discoveries([0.01, 0.04, 0.045, 0.20], 0.05, FalseDiscoveryProcedure.BenjaminiYekutieli));
        Assert.Equal([true, false, false, false], FalseDiscovery.Discoveries([0.0059, 0.04, 0.045, 0.20], 0.05, FalseDiscoveryProcedure.BenjaminiYekutieli));
    }

    [Theory]
    [InlineData(0.05, true)] // exactly at the level: H_1 = 1, the cut is 0.05 / 1 / 1
    [InlineData(0.05000001, false)]
    public void Benjamini_Yekutieli_over_one_test_is_the_level_itself(double p, bool found)
    {
        Assert.Equal([found], FalseDiscovery.Discoveries([p], 0.05, FalseDiscoveryProcedure.BenjaminiYekutieli));
    }

    [Theory]
    [InlineData(0.0059, true)]
    [InlineData(0.0065, false)] // above H_4's first cut 0.006, below the 0.0068 a harmonic number short of its last term (H_3 = 11/6) would give
    public void Benjamini_Yekutieli_s_harmonic_number_counts_every_test(double smallest, bool found)
    {
        // First cut 0.05 / 4 / (25/12) = 0.006; the others are far beyond theirs.
        Assert.Equal(found, FalseDiscovery.Discoveries([smallest, 0.9, 0.9, 0.9], 0.05, FalseDiscoveryProcedure.BenjaminiYekutieli)[0]);
    }

    [Fact]
    public void The_largest_p_value_exactly_at_the_last_cut_makes_every_one_a_discovery()
    {
        // m = 4, rate 0.05: the last cut is 4 * 0.05 / 4 = 0.05 exactly, which every p-value meets.
        Assert.Equal([true, true, true, true], Bh(0.05, 0.05, 0.05, 0.05, 0.05));
        Assert.Equal([false, false, false, false], Bh(0.05, 0.05000001, 0.05000001, 0.05000001, 0.05000001));
    }

    [Fact]
    public void Tied_p_values_are_discoveries_together()
    {
        // m = 3, rate 0.05: cuts 0.0167, 0.0333, 0.05. The tied 0.03 miss the first cut and meet the second: both are found.
        Assert.Equal([true, false, true], Bh(0.05, 0.03, 0.9, 0.03));
    }

    [Fact]
    public void No_p_values_is_refused_when_the_list_itself_is_missing()
    {
        Assert.Throws<ArgumentNullException>(() => FalseDiscovery.Discoveries(null!, 0.05, FalseDiscoveryProcedure.BenjaminiHochberg));
    }

    [Fact]
    public void No_p_values_no_discoveries()
    {
        Assert.Empty(Bh(0.05));
    }
}
