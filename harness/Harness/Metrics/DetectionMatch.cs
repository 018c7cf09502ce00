namespace Harness.Metrics;

/// <summary>What became of one detection at IoU 0.5, with the operating-point metrics' matching rules.</summary>
public enum DetectionMatch
{
    /// <summary>Took an unmatched truth box of its class.</summary>
    Matched,

    /// <summary>Took no truth box and lies outside every ignore region.</summary>
    FalsePositive,

    /// <summary>Took no truth box but lies at least half inside an ignore region, so it does not count.</summary>
    Ignored,
}
