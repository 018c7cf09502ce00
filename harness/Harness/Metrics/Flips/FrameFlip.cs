namespace Harness.Metrics.Flips;

/// <summary>
/// One flip of a frame as positions into its truth and the two runs' detections (-1: none), so finding flips
/// allocates nothing. <see cref="Position"/> orders a frame's flips: truth objects in truth order, then the current
/// run's false positives, then the baseline's.
/// </summary>
internal readonly record struct FrameFlip(FlipKind Kind, int ClassId, int Truth, int Baseline, int Current, double Severity, int Position)
{
    public ObjectFlip ToObjectFlip(int ordinal, long frameIndex, IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> baseline, IReadOnlyList<Detection> current) =>
        new(
            ordinal,
            frameIndex,
            Kind,
            ClassId,
            Truth >= 0 ? truth[Truth] : null,
            Baseline >= 0 ? baseline[Baseline] : null,
            Current >= 0 ? current[Current] : null,
            Severity);
}
