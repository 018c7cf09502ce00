namespace Harness.Metrics.Coco;

/// <summary>
/// Orders positions by descending score, ties by ascending position: the order numpy's stable mergesort of -score
/// gives (NaN last, as numpy sorts it).
/// </summary>
internal readonly struct ScoreOrder(double[] scores) : IComparer<int>
{
    public int Compare(int x, int y)
    {
        var byScore = Key(scores[x]).CompareTo(Key(scores[y]));
        return byScore != 0 ? byScore : x.CompareTo(y);
    }

    /// <summary>Sorts a few positions in place with the comparer.</summary>
    public static void Sort(Span<int> positions, double[] scores) => positions.Sort(new ScoreOrder(scores));

    /// <summary>
    /// Returns positions 0..count-1 in score order. Sorts primitive keys (fast, unstable), then restores position
    /// order inside each run of equal scores, which makes the result the stable order.
    /// </summary>
    public static int[] SortAll(double[] scores)
    {
        var keys = new double[scores.Length];
        var positions = new int[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            keys[i] = Key(scores[i]);
            positions[i] = i;
        }

        Array.Sort(keys, positions);
        var start = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i].CompareTo(keys[start]) != 0)
            {
                if (i - start > 1)
                {
                    positions.AsSpan(start, i - start).Sort();
                }

                start = i;
            }
        }

        return positions;
    }

    private static double Key(double score) => double.IsNaN(score) ? double.PositiveInfinity : -score;
}
