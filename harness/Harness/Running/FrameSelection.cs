using Harness.Clips;
using Harness.Postprocessing;

namespace Harness.Running;

/// <summary>
/// The frames of a run with the most errors (false positives + misses at IoU 0.5), for the report's thumbnails.
/// Frames stream through; only the current top <see cref="Capacity"/> are held, so memory stays bounded by a few
/// images whatever the clip length. Only a frame that enters the selection is copied. On equal error counts the
/// earlier frame stays. Frames without errors are never kept.
/// </summary>
internal sealed class FrameSelection(int capacity)
{
    public const int DefaultCapacity = 4;

    private readonly FrameMatcher _matcher = new();
    private readonly List<ReviewFrame> _kept = new(capacity + 1);

    public int Capacity => capacity;

    public int Count => _kept.Count;

    /// <summary>The kept frames, most errors first.</summary>
    public IReadOnlyList<ReviewFrame> Frames => [.. _kept];

    /// <param name="truth">The frame's truth in model class ids.</param>
    public void Add(long frameIndex, CameraImage image, IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        var errors = _matcher.Match(truth, detections);
        if (errors.Total == 0 || (_kept.Count == capacity && errors.Total <= _kept[^1].Errors))
        {
            return;
        }

        var position = _kept.FindIndex(k => k.Errors < errors.Total);
        _kept.Insert(position < 0 ? _kept.Count : position, Copy(frameIndex, image, truth, detections));
        if (_kept.Count > capacity)
        {
            _kept.RemoveAt(capacity);
        }
    }

    private ReviewFrame Copy(long frameIndex, CameraImage image, IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        var missed = new bool[truth.Count];
        var matched = _matcher.TruthMatched;
        for (var t = 0; t < missed.Length; t++)
        {
            missed[t] = FrameMatcher.Scored(truth[t]) && !matched[t];
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
