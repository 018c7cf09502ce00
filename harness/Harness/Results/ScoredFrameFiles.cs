using Harness.Gate;
using Harness.Metrics;

namespace Harness.Results;

/// <summary>
/// Scored frames as files keep them: their truth in a truth snapshot (<see cref="TruthSnapshotFormat"/>), their
/// detections in a detection snapshot (<see cref="DetectionSnapshotFormat"/>), paired again by position.
/// </summary>
internal static class ScoredFrameFiles
{
    public static IReadOnlyList<TruthFrame> Truth(IReadOnlyList<ScoredFrame> frames) =>
        [.. frames.Select(f => new TruthFrame(f.Index, f.TimestampNs, f.Truth))];

    public static DetectionSnapshot Detections(IReadOnlyList<ScoredFrame> frames) =>
        new([.. frames.Select(f => new SnapshotFrame(f.Index, f.Detections))]);

    /// <param name="truthPath">The truth snapshot's path, named when the two files do not describe the same frames.</param>
    /// <exception cref="ResultsFormatException">The two files do not describe the same frames.</exception>
    public static IReadOnlyList<ScoredFrame> Join(IReadOnlyList<TruthFrame> truth, DetectionSnapshot detections, string truthPath)
    {
        if (truth.Count != detections.Frames.Count)
        {
            throw new ResultsFormatException($"{truthPath}: holds {truth.Count} frames, the detection snapshot beside it {detections.Frames.Count}");
        }

        var frames = new ScoredFrame[truth.Count];
        for (var i = 0; i < frames.Length; i++)
        {
            var (t, d) = (truth[i], detections.Frames[i]);
            frames[i] = t.Index == d.Index
                ? new ScoredFrame(t.Index, t.TimestampNs, t.Truth, d.Detections)
                : throw new ResultsFormatException($"{truthPath}: frame {t.Index} (ordinal {i}) is not the frame the detection snapshot beside it holds there ({d.Index})");
        }

        return frames;
    }
}
