namespace Harness.Metrics.Tide;

/// <summary>What became of one truth box of an image.</summary>
internal enum TideTruthOutcome
{
    /// <summary>An ignore region, or a class outside the evaluated ones: never matched, never missed.</summary>
    Unscored,

    Matched,

    /// <summary>Unmatched, but the classification or localisation oracle makes a detection match it: not a missed error.</summary>
    Claimed,

    Missed,
}
