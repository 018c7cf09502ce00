namespace Harness.Metrics.Coco;

/// <summary>
/// Orders positions by descending score, ties by ascending position: the order numpy's stable mergesort of -score
/// gives (NaN last, as numpy sorts it). Sorts primitive keys (fast, unstable, allocation-free), then restores position
/// order inside each run of equal scores, which makes the result the stable order.
/// </summary>
internal static class StableScoreOrder
{
    /// <summary>Writes positions 0..n-1 of <paramref name="scores"/> in score order; <paramref name="keys"/> is scratch.</summary>
    public static void Sort(ReadOnlySpan<double> scores, Span<double> keys, Span<int> positions)
    {
        var n = scores.Length;
        keys = keys[..n];
        positions = positions[..n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = double.IsNaN(scores[i]) ? double.PositiveInfinity : -scores[i];
            positions[i] = i;
        }

        keys.Sort(positions);
        var start = 0;
        for (var i = 1; i <= n; i++)
        {
            if (i == n || keys[i].CompareTo(keys[start]) != 0)
            {
                if (i - start > 1)
                {
                    positions[start..i].Sort();
                }

                start = i;
            }
        }
    }

    public static int[] SortAll(double[] scores)
    {
        var positions = new int[scores.Length];
        Sort(scores, new double[scores.Length], positions);
        return positions;
    }
}
