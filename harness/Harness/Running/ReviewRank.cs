namespace Harness.Running;

/// <summary>
/// How much a frame asks for review, greater first: a frame with flips against the baseline before one without, then
/// by its most severe flip, its number of flips, and its errors (false positives + misses at IoU 0.5).
/// </summary>
internal readonly record struct ReviewRank(int Flips, double WorstSeverity, int Errors) : IComparable<ReviewRank>
{
    /// <summary>Nothing flipped and nothing wrong: not worth a reviewer's look.</summary>
    public bool IsEmpty => Flips == 0 && Errors == 0;

    public int CompareTo(ReviewRank other)
    {
        var byFlipped = (Flips > 0).CompareTo(other.Flips > 0);
        if (byFlipped != 0)
        {
            return byFlipped;
        }

        var bySeverity = WorstSeverity.CompareTo(other.WorstSeverity);
        if (bySeverity != 0)
        {
            return bySeverity;
        }

        var byFlips = Flips.CompareTo(other.Flips);
        return byFlips != 0 ? byFlips : Errors.CompareTo(other.Errors);
    }
}
