namespace Harness.Metrics.Bootstrap;

/// <summary>What a paired bootstrap resamples as independent: object tracks where the truth has them, else frames.</summary>
public enum ResamplingUnit
{
    /// <summary>
    /// Each object track (a truth track id seen in more than one frame) with the detections that belong to it; the
    /// false positives away from every object with the frames they appear in, frames drawn in circular blocks.
    /// </summary>
    Tracks,

    /// <summary>Frames in circular blocks, every box with its frame: for clips whose truth has no track ids.</summary>
    Frames,

    /// <summary>
    /// Tracks and frames crossed, as Owen's pigeonhole bootstrap resamples rows and columns ("The pigeonhole bootstrap",
    /// Annals of Applied Statistics 1, 2007): a tracked box counts as often as its track was drawn times its frame, so a
    /// stretch of clip that was hard for every object in it is resampled as such.
    /// </summary>
    TracksAndFrames,
}
