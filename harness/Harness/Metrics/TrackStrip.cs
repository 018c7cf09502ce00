namespace Harness.Metrics;

/// <summary>
/// One of a run's least stable tracks, for a reviewer: its flickers and class switches over the whole run
/// (<see cref="Families.Stability.StabilityFamily"/>) and a strip of small square crops of consecutive frames around
/// its worst burst of them (<see cref="Frames"/>, the crops side by side in <see cref="Image"/>, each
/// <see cref="CellSize"/> pixels square, without boxes: a report draws them from the frames' truth and detections).
/// </summary>
/// <param name="ClassId">The track's truth class, an evaluation class id.</param>
internal sealed record TrackStrip(int TrackId, int ClassId, int Flickers, int ClassSwitches, IReadOnlyList<TrackStripFrame> Frames, ReviewImage Image)
{
    public const int CellSize = 96;

    /// <summary>Frames shown before and after the burst's first event.</summary>
    public const int Radius = 3;

    public int Events => Flickers + ClassSwitches;
}
