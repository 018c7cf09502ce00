using System.Runtime.InteropServices;
using Harness.Metrics.Coco;
using Harness.Metrics.Tide;

namespace Harness.Metrics.Families.Tide;

/// <summary>
/// Feeds a run's frames to a <see cref="TideLedger"/>, boxes in the order given and in double as the COCO family reads
/// them: an ignore box is an ignore region (of every class when its class id is negative), truth of a class outside the
/// scenario's is not scored. Buffers are reused across frames.
/// </summary>
internal sealed class TideFrames(int classCount)
{
    private readonly List<TideTruth> _truth = [];
    private readonly List<TideDetection> _detections = [];

    public TideLedger Ledger { get; } = new(classCount);

    /// <summary>Adds one frame; returns what became of each truth box, valid until the next frame.</summary>
    public ReadOnlySpan<TideTruthOutcome> Add(IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        _truth.Clear();
        _detections.Clear();
        for (var t = 0; t < truth.Count; t++)
        {
            var box = truth[t];
            _truth.Add(new TideTruth(box.ClassId, TruthBoxGeometry.FromXywh(box.X, box.Y, box.Width, box.Height, box.Ignore)));
        }

        for (var d = 0; d < detections.Count; d++)
        {
            var detection = detections[d];
            _detections.Add(TideDetection.FromCorners(detection.ClassId, detection.X1, detection.Y1, detection.X2, detection.Y2, detection.Score));
        }

        return Ledger.AddImage(CollectionsMarshal.AsSpan(_truth), CollectionsMarshal.AsSpan(_detections));
    }
}
