namespace Harness.Metrics.Coco;

/// <summary>
/// Orders positions by descending score, ties by ascending position: the order numpy's stable mergesort of -score gives.
/// </summary>
internal readonly struct ScoreOrder(double[] scores) : IComparer<int>
{
    public int Compare(int x, int y)
    {
        var byScore = scores[y].CompareTo(scores[x]);
        return byScore != 0 ? byScore : x.CompareTo(y);
    }

    public static void Sort(Span<int> positions, double[] scores) => positions.Sort(new ScoreOrder(scores));
}
