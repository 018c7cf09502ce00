namespace Harness.Metrics.Tide;

/// <summary>
/// The error types of Bolya et al., "TIDE: A General Toolbox for Identifying Object Detection Errors" (ECCV 2020), in
/// the order TIDE reports them. The first six are its main errors: each false positive has at most one of the first
/// five, each missed truth the sixth. <see cref="FalsePositive"/> and <see cref="FalseNegative"/> are its special errors,
/// every false positive and every unmatched truth whatever their main type, so they overlap the main ones.
/// </summary>
internal enum TideError
{
    /// <summary>Would be a true positive with the class of a truth it overlaps at IoU &gt;= 0.5.</summary>
    Classification,

    /// <summary>Overlaps a truth of its own class at 0.1 &lt;= IoU &lt;= 0.5.</summary>
    Localisation,

    /// <summary>Wrong class and mislocalised: its best IoU with a truth of another class is in (0.1, 0.5).</summary>
    Both,

    /// <summary>Overlaps, at IoU &gt;= 0.5, a truth of its class that a higher-scored detection already took.</summary>
    Duplicate,

    /// <summary>Overlaps no truth at IoU &gt; 0.1.</summary>
    Background,

    /// <summary>A truth no detection took and no classification or localisation error could take.</summary>
    Missed,

    FalsePositive,

    FalseNegative,
}
