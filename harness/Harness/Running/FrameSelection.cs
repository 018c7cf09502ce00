using Harness.Clips.Images;
using Harness.Metrics;
using Harness.Metrics.Flips;

namespace Harness.Running;

/// <summary>
/// The frames a reviewer should look at, for the report's thumbnails: given the baseline run's detections per frame,
/// the frames where objects flipped against it (lost, found, class changed, false positives appeared or gone; see
/// <see cref="FrameFlipFinder"/>), the one with the most severe flip first, then the most flips; after them, or
/// without a baseline, the frames with the most errors (false positives + misses at IoU 0.5). A frame beyond the
/// baseline's frames has nothing to compare with, so no flips.
/// Frames stream through; only the current top <see cref="Capacity"/> are held, so memory stays bounded by a few
/// images whatever the clip length. Only a frame that enters the selection is copied, and only the frames kept at
/// the end are encoded (<see cref="Encode"/>). On equal rank the earlier frame stays. Frames without flips or errors
/// are never kept.
/// </summary>
/// <param name="classNames">The model's classes: vulnerable road users' flips weigh more.</param>
/// <param name="baseline">The baseline run's detections, indexed by frame ordinal.</param>
internal sealed class FrameSelection(int capacity, IReadOnlyList<string> classNames, IReadOnlyList<IReadOnlyList<Detection>>? baseline = null)
{
    public const int DefaultCapacity = 4;

    private readonly OperatingPointMatcher _matcher = new();
    private readonly FrameFlipFinder _flips = new(classNames);
    private readonly List<ReviewFrame> _kept = new(capacity + 1);
    private readonly List<CameraImage> _images = new(capacity + 1);
    private readonly List<ReviewRank> _ranks = new(capacity + 1);

    public int Capacity => capacity;

    public int Count => _kept.Count;

    /// <summary>The kept frames, the one most in need of review first, without their images.</summary>
    public IReadOnlyList<ReviewFrame> Frames => [.. _kept];

    /// <summary>The kept frames with their images encoded as the result bundle stores them; at the end of a replay.</summary>
    public IReadOnlyList<ReviewFrame> Encode() =>
        [.. _kept.Select((frame, i) => frame with { Image = new ReviewImage(_images[i].Width, _images[i].Height, ImageEncoder.EncodeJpeg(_images[i], ReviewImage.JpegQuality)) })];

    /// <param name="ordinal">The frame's position in the clip, which indexes the baseline's detections.</param>
    /// <param name="truth">The frame's truth in model class ids.</param>
    public void Add(int ordinal, long frameIndex, CameraImage image, IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        var errors = _matcher.Match(truth, detections);
        var before = baseline is not null && ordinal < baseline.Count ? baseline[ordinal] : null;
        var flips = ReadOnlySpan<FrameFlip>.Empty;
        if (before is not null)
        {
            _flips.Compare(truth, before, detections);
            flips = _flips.Flips;
        }

        var worst = 0.0;
        foreach (var flip in flips)
        {
            worst = Math.Max(worst, flip.Severity);
        }

        var rank = new ReviewRank(flips.Length, worst, errors.Total);
        if (rank.IsEmpty || (_kept.Count == capacity && rank.CompareTo(_ranks[^1]) <= 0))
        {
            return;
        }

        var position = 0;
        while (position < _ranks.Count && _ranks[position].CompareTo(rank) >= 0)
        {
            position++;
        }

        _images.Insert(position, OwnedCopy(image));
        _kept.Insert(position, Copy(frameIndex, truth, detections) with
        {
            BaselineDetections = before is null ? null : [.. before],
            Flips = before is null ? [] : MostSevereFirst(flips, ordinal, frameIndex, truth, before, detections),
        });
        _ranks.Insert(position, rank);
        if (_kept.Count > capacity)
        {
            _kept.RemoveAt(capacity);
            _images.RemoveAt(capacity);
            _ranks.RemoveAt(capacity);
        }
    }

    private static ObjectFlip[] MostSevereFirst(ReadOnlySpan<FrameFlip> flips, int ordinal, long frameIndex, IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> baseline, IReadOnlyList<Detection> detections) =>
        [.. flips.ToArray().OrderBy(f => new FlipRank(f.Severity, ordinal, f.Position)).Select(f => f.ToObjectFlip(ordinal, frameIndex, truth, baseline, detections))];

    private ReviewFrame Copy(long frameIndex, IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        var missed = new bool[truth.Count];
        var matchedBy = _matcher.MatchedBy;
        for (var t = 0; t < missed.Length; t++)
        {
            missed[t] = OperatingPointMatcher.Scored(truth[t]) && matchedBy[t] < 0;
        }

        return new ReviewFrame(frameIndex, Image: null, [.. truth], missed, [.. detections], _matcher.Matches.ToArray());
    }

    /// <summary>Clip readers may reuse pixel buffers between frames: keep packed rows of our own.</summary>
    /// <param name="reuse">A buffer to copy into when it has the image's packed size (a recycled earlier copy); else a new one.</param>
    internal static CameraImage OwnedCopy(CameraImage image, byte[]? reuse = null)
    {
        var rowBytes = image.Width * 3;
        var pixels = reuse is not null && reuse.Length == rowBytes * image.Height ? reuse : new byte[rowBytes * image.Height];
        var source = image.Pixels.Span;
        for (var y = 0; y < image.Height; y++)
        {
            source.Slice(y * image.Stride, rowBytes).CopyTo(pixels.AsSpan(y * rowBytes));
        }

        return CameraImage.Packed(image.Width, image.Height, image.Format, pixels);
    }
}
