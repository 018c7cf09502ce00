using Harness.Scenarios;

namespace Harness.Gate;

/// <summary>
/// The step-up procedures that control the false discovery rate over one family of tests: Benjamini and Hochberg
/// ("Controlling the false discovery rate", JRSS B 57, 1995), valid for independent or positively dependent p-values,
/// and Benjamini and Yekutieli ("The control of the false discovery rate in multiple testing under dependency", Annals
/// of Statistics 29, 2001), which divides the level by the harmonic number H_m and holds under any dependence.
/// </summary>
internal static class FalseDiscovery
{
    /// <summary>Which p-values are discoveries at rate <paramref name="rate"/>: the k smallest, for the largest k with p_(k) &lt;= k q / m.</summary>
    public static bool[] Discoveries(IReadOnlyList<double> pValues, double rate, FalseDiscoveryProcedure procedure)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var m = pValues.Count;
        var discoveries = new bool[m];
        if (m == 0)
        {
            return discoveries;
        }

        var level = procedure == FalseDiscoveryProcedure.BenjaminiYekutieli ? rate / Harmonic(m) : rate;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var largest = -1;
        for (var k = 0; k < m; k++)
        {
            if (pValues[order[k]] <= (k + 1) * level / m)
            {
                largest = k;
            }
        }

        for (var k = 0; k <= largest; k++)
        {
            discoveries[order[k]] = true;
        }

        return discoveries;
    }

    private static double Harmonic(int m)
    {
        var sum = 0.0;
        for (var j = 1; j <= m; j++)
        {
            sum += 1.0 / j;
        }

        return sum;
    }
}
