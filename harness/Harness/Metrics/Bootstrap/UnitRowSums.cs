using System.Numerics.Tensors;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// The per-lane sums of integer counts kept per resampling unit: each unit's row of <c>width</c> counts multiplied by
/// the unit's weight in every lane and added up. The counts are integers and the weights small integers, so every sum
/// is an integer below 2^53, exact in doubles in any order, and lane 0 equals the plain count.
/// </summary>
internal static class UnitRowSums
{
    /// <param name="rows">Unit u's counts at <c>[u * width, (u + 1) * width)</c>.</param>
    /// <returns>Count i's sum in lane l at <c>[i * lanes + l]</c>.</returns>
    public static double[] Of(ReadOnlySpan<long> rows, int width, UnitWeights weights)
    {
        var lanes = weights.Lanes;
        var sums = new double[width * lanes];
        var cellWeights = new float[lanes];
        var unitWeights = new double[lanes];
        for (var u = 0; u < rows.Length / width; u++)
        {
            var row = rows.Slice(u * width, width);
            if (!row.ContainsAnyExcept(0))
            {
                continue;
            }

            TensorPrimitives.ConvertChecked<float, double>(weights.Row(u, 0, lanes, cellWeights), unitWeights);
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] != 0)
                {
                    var target = sums.AsSpan(i * lanes, lanes);
                    TensorPrimitives.MultiplyAdd(unitWeights, row[i], target, target);
                }
            }
        }

        return sums;
    }
}
