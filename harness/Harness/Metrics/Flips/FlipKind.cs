namespace Harness.Metrics.Flips;

/// <summary>How one object or false positive differs between a baseline run and the current run on the same truth.</summary>
public enum FlipKind
{
    /// <summary>A truth object the baseline matched and the current run misses.</summary>
    Lost,

    /// <summary>A truth object the baseline missed and the current run matches.</summary>
    Found,

    /// <summary>
    /// A truth object matched in one run and missed in the other, where the other run has a detection of another class
    /// on it (IoU &gt;= 0.5): the object was seen, as something else.
    /// </summary>
    ClassChanged,

    /// <summary>A current false positive with no baseline false positive of its class at IoU &gt;= 0.5.</summary>
    FalsePositiveAppeared,

    /// <summary>A baseline false positive with no current false positive of its class at IoU &gt;= 0.5.</summary>
    FalsePositiveGone,
}
