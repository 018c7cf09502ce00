namespace Harness.Metrics.Flips;

/// <summary>
/// One object or false positive that differs between the baseline run and the current run. <see cref="ClassId"/> is
/// the truth's class for objects and the detection's for false positives. <see cref="Baseline"/> and
/// <see cref="Current"/> are the detections involved in each run: the one that matched a lost or found object, the
/// other-class detection of a class change, the false positive itself. <see cref="Severity"/> is
/// <see cref="FlipSeverity"/>'s, larger is worse.
/// </summary>
public sealed record ObjectFlip(
    int FrameOrdinal,
    long FrameIndex,
    FlipKind Kind,
    int ClassId,
    TruthBox? Truth,
    Detection? Baseline,
    Detection? Current,
    double Severity);
