using Harness.Metrics.Coco;

namespace Harness.Metrics.Families;

/// <summary>
/// A metric family's state during one run: fed each frame's truth and detections (already score-thresholded) and each
/// frame's stage timings, it writes the family's defined metrics at the end. A metric undefined on the run (nothing to
/// measure it on) is left out, never written as a sentinel. Per-frame work allocates nothing once buffers have grown.
/// </summary>
internal abstract class FamilyAccumulator
{
    public virtual void Add(IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
    }

    /// <summary>
    /// A frame with the time it was recorded, for a family that pairs frames by time (streaming); the others score the
    /// frame alone.
    /// </summary>
    public virtual void Add(long timestampNs, IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections) => Add(truth, detections);

    public virtual void AddTimings(StageTimings timings)
    {
    }

    /// <summary>Writes the family's metrics; <paramref name="curves"/> takes per-class precision-recall curves where the family has them.</summary>
    public abstract void Write(IDictionary<string, double> values, IDictionary<string, CocoPrecisionCurve> curves);
}
