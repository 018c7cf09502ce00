namespace Harness.Metrics.Families.Stability;

/// <summary>What the track walk counts, per class; the stability metrics are ratios of these sums.</summary>
internal enum StabilityCount
{
    /// <summary>A tracked, scored truth box in a frame: the denominator of the two rates.</summary>
    ObjectFrames,

    /// <summary>Found at t-1 and t+1, missed at t, in three consecutive frames.</summary>
    Flickers,

    /// <summary>The class of the detection a track is associated with differs from its previous association's.</summary>
    ClassSwitches,

    /// <summary>Per pair of consecutive frames matched both times: the box's change against its truth's, in units of <see cref="StabilityFamily.JitterQuantum"/>.</summary>
    JitterSum,

    JitterPairs,

    /// <summary>Frames from a track's first scored appearance to its first match.</summary>
    FramesToDetect,

    /// <summary>Tracks matched at least once: the denominator of <see cref="FramesToDetect"/>.</summary>
    DetectedTracks,
}
