namespace Harness.Metrics;

/// <summary>
/// One crop of a <see cref="TrackStrip"/>: the frame (its ordinal in the clip, which indexes the scored frames, and its
/// index), the square of it the crop shows (top-left <see cref="X"/>, <see cref="Y"/> and <see cref="Side"/> in source
/// pixels, which may reach past the image's edge), the track's truth box there, the detection the operating point
/// matched it with and the detection of any class it is seen as (indices into the frame's truth and detections, -1
/// for none: a track not in the frame, a miss, nothing overlapping it), and the events counted at the frame.
/// </summary>
internal sealed record TrackStripFrame(int Ordinal, long FrameIndex, float X, float Y, float Side, int Truth, int Match, int SeenAs, bool Flicker, bool ClassSwitch)
{
    public bool Missed => Truth >= 0 && Match < 0;
}
