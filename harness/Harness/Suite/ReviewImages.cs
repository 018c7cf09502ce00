namespace Harness.Suite;

/// <summary>Which scenarios keep their review frames' images in the result bundle (<c>harness run --review-images</c>).</summary>
public enum ReviewImages
{
    /// <summary>
    /// Every scenario but an unchanged pass (<see cref="ReviewImagePolicy.IsUnchangedPass"/>): it found and missed the
    /// same objects as the accepted run, so there is nothing new to look at, and at a fleet's thousands of passing
    /// clips its images would be most of the bytes shard jobs upload.
    /// </summary>
    Needed,

    /// <summary>Every scenario, unchanged passes too.</summary>
    Always,
}
