using Harness.Clips;
using Harness.Metrics;
using Harness.Postprocessing;

namespace Harness.Running;

/// <summary>
/// The frames a reviewer should look at, for the report's thumbnails: with a baseline that has per-frame digests,
/// the frames whose detections changed against it, most changed (difference in detection count) first; after them,
/// or without such a baseline, the frames with the most errors (false positives + misses at IoU 0.5).
/// Frames stream through; only the current top <see cref="Capacity"/> are held, so memory stays bounded by a few
/// images whatever the clip length. Only a frame that enters the selection is copied. On equal rank the earlier
/// frame stays. Unchanged frames without errors are never kept.
/// </summary>
internal sealed class FrameSelection(int capacity, IReadOnlyList<FrameDigest>? baseline = null)
{
    private const int ChangedShift = 40;
    private const int CountShift = 20;

    public const int DefaultCapacity = 4;

    private readonly OperatingPointMatcher _matcher = new();
    private readonly List<ReviewFrame> _kept = new(capacity + 1);
    private readonly List<long> _ranks = new(capacity + 1);

    public int Capacity => capacity;

    public int Count => _kept.Count;

    /// <summary>The kept frames, most errors first.</summary>
    public IReadOnlyList<ReviewFrame> Frames => [.. _kept];

    /// <param name="ordinal">The frame's position in the clip, which indexes the baseline's digests.</param>
    /// <param name="digest">This run's digest of the frame's detections.</param>
    /// <param name="truth">The frame's truth in model class ids.</param>
    public void Add(int ordinal, FrameDigest digest, long frameIndex, CameraImage image, IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        var errors = _matcher.Match(truth, detections);
        FrameDigest? before = baseline is { Count: > 0 } ? (ordinal < baseline.Count ? baseline[ordinal] : new FrameDigest("", 0)) : null;
        var changed = before is { } b && b.Hash != digest.Hash;
        var rank = changed
            ? (1L << ChangedShift) + ((long)Math.Min(Math.Abs(digest.Detections - before!.Value.Detections), (1 << CountShift) - 1) << CountShift) + errors.Total
            : errors.Total;
        if (rank == 0 || (_kept.Count == capacity && rank <= _ranks[^1]))
        {
            return;
        }

        var position = _ranks.FindIndex(r => r < rank);
        position = position < 0 ? _kept.Count : position;
        _kept.Insert(position, Copy(frameIndex, image, truth, detections) with
        {
            ChangedFromBaseline = changed,
            BaselineDetections = changed ? before!.Value.Detections : null,
        });
        _ranks.Insert(position, rank);
        if (_kept.Count > capacity)
        {
            _kept.RemoveAt(capacity);
            _ranks.RemoveAt(capacity);
        }
    }

    private ReviewFrame Copy(long frameIndex, CameraImage image, IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        var missed = new bool[truth.Count];
        var matchedBy = _matcher.MatchedBy;
        for (var t = 0; t < missed.Length; t++)
        {
            missed[t] = OperatingPointMatcher.Scored(truth[t]) && matchedBy[t] < 0;
        }

        return new ReviewFrame(frameIndex, OwnedCopy(image), [.. truth], missed, [.. detections], _matcher.Matches.ToArray());
    }

    /// <summary>Clip readers may reuse pixel buffers between frames: keep packed rows of our own.</summary>
    private static CameraImage OwnedCopy(CameraImage image)
    {
        var rowBytes = image.Width * 3;
        var pixels = new byte[rowBytes * image.Height];
        var source = image.Pixels.Span;
        for (var y = 0; y < image.Height; y++)
        {
            source.Slice(y * image.Stride, rowBytes).CopyTo(pixels.AsSpan(y * rowBytes));
        }

        return CameraImage.Packed(image.Width, image.Height, image.Format, pixels);
    }
}
