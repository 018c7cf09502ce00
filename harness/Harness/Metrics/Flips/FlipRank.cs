namespace Harness.Metrics.Flips;

/// <summary>Orders flips most severe first; equal severities by frame ordinal, then position in the frame.</summary>
internal readonly record struct FlipRank(double Severity, int Ordinal, int Position) : IComparable<FlipRank>
{
    public int CompareTo(FlipRank other)
    {
        var bySeverity = other.Severity.CompareTo(Severity);
        if (bySeverity != 0)
        {
            return bySeverity;
        }

        var byOrdinal = Ordinal.CompareTo(other.Ordinal);
        return byOrdinal != 0 ? byOrdinal : Position.CompareTo(other.Position);
    }
}
