namespace Harness.Scenarios;

/// <summary>
/// How far an unchanged pipeline's detections may drift from its baseline's and still be equivalent (docs/gating.md
/// has the measurement behind the defaults): every box corner within <see cref="BoxPixels"/>, every score within
/// <see cref="Score"/>; a detection may appear or vanish only when its score is within <see cref="Score"/> of the
/// score threshold, or NMS decided it on an IoU within <see cref="Iou"/> of the IoU threshold.
/// </summary>
internal sealed record EquivalenceSpec(double BoxPixels, double Score, double Iou);
