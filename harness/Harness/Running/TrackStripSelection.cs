using Harness.Clips.Images;
using Harness.Metrics;
using Harness.Metrics.Families.Stability;
using SkiaSharp;

namespace Harness.Running;

/// <summary>
/// The run's least stable tracks, for the report: the <see cref="Capacity"/> tracks with the most flickers plus class
/// switches (<see cref="TrackWalk"/>, as the stability metrics count them; on equal counts the track that reached its
/// count first), each with a strip of crops around its worst burst of events. A burst is the
/// 2 <see cref="TrackStrip.Radius"/> + 1 frames centred on an event more than <see cref="TrackStrip.Radius"/> frames
/// after the previous burst's centre (or the event that made the track one of the worst); the strip shows the burst
/// holding the most of the track's events (the first on ties). Frames stream through: the last few are kept (a flicker is known one frame
/// late), and crops are cut only for tracks that rank among the worst when their event comes, so memory stays bounded
/// by a few frames and a few dozen crops whatever the clip. A clip without track ids costs nothing but the walk.
/// </summary>
internal sealed class TrackStripSelection(int capacity) : IDisposable
{
    public const int DefaultCapacity = 5;

    /// <summary>A flicker at t is known at t + 1, and its strip starts <see cref="TrackStrip.Radius"/> frames before t.</summary>
    private const int KeptFrames = TrackStrip.Radius + 2;

    /// <summary>The least context a crop shows, in source pixels, so a far object is not blown up into a blur.</summary>
    private const float MinimumSide = 48;

    private readonly TrackWalk _walk = new();
    private readonly List<StabilityEvent> _events = [];
    private readonly List<KeptFrame> _recent = [];
    private readonly Dictionary<int, Tally> _tallies = [];
    private readonly Dictionary<int, Captures> _worst = [];

    /// <summary>The events of the last few frames, so a burst that starts late still shows the events before its centre.</summary>
    private readonly List<(int TrackId, int Frame, bool Flicker)> _recentEvents = [];
    private long _sequence;
    private bool _tracked;

    public int Capacity => capacity;

    /// <param name="ordinal">The frame's position in the clip, counted from 0 with every frame added.</param>
    /// <param name="truth">The frame's truth in evaluation class ids.</param>
    public void Add(int ordinal, long frameIndex, CameraImage image, IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        _events.Clear();
        _walk.Add(truth, detections, _events);
        _tracked |= truth.Any(t => t.TrackId >= 0);
        if (!_tracked)
        {
            return;
        }

        // The pixels of the frame that falls out of the window are reused: a fresh copy a frame would be a large-object
        // allocation per frame for the whole replay.
        byte[]? spare = null;
        if (_recent.Count == KeptFrames)
        {
            spare = _recent[0].Pixels;
            _recent[0].Dispose();
            _recent.RemoveAt(0);
        }

        var copy = FrameSelection.OwnedCopy(image, spare);
        var frame = new KeptFrame(ordinal, frameIndex, copy, [.. truth], [.. detections], _walk.MatchedBy.ToArray());
        _recent.Add(frame);

        foreach (var captures in _worst.Values)
        {
            captures.Pending?.Extend(frame);
        }

        _recentEvents.RemoveAll(e => e.Frame < ordinal - KeptFrames);
        foreach (var e in _events)
        {
            if (e.Count is StabilityCount.Flickers or StabilityCount.ClassSwitches)
            {
                Count(e);
            }
        }

        foreach (var captures in _worst.Values)
        {
            captures.CompleteBefore(ordinal);
        }
    }

    /// <summary>The worst tracks, worst first, each with its strip encoded as the result bundle stores it; at the end of a replay.</summary>
    public IReadOnlyList<TrackStrip> Encode()
    {
        foreach (var captures in _worst.Values)
        {
            captures.CompleteBefore(int.MaxValue);
        }

        return [.. _worst.Keys.Select(id => (Id: id, Tally: _tallies[id])).OrderByDescending(t => t.Tally.Events).ThenBy(t => t.Tally.Sequence)
            .Select(t => _worst[t.Id].Best!.ToStrip(t.Id, t.Tally))];
    }

    public void Dispose()
    {
        foreach (var frame in _recent)
        {
            frame.Dispose();
        }

        _recent.Clear();
    }

    private void Count(StabilityEvent e)
    {
        var frame = _recent.First(f => f.Ordinal == e.Frame);
        var trackId = frame.Truth[e.Truth].TrackId;
        var flicker = e.Count == StabilityCount.Flickers;
        _recentEvents.Add((trackId, e.Frame, flicker));
        var tally = _tallies.GetValueOrDefault(trackId);
        tally = new Tally(e.ClassId, tally.Flickers + (flicker ? 1 : 0), tally.ClassSwitches + (flicker ? 0 : 1), _sequence++);
        _tallies[trackId] = tally;
        if (!_worst.TryGetValue(trackId, out var captures))
        {
            if (_worst.Count == capacity)
            {
                var (leastId, least) = _worst.Keys.Select(id => (id, _tallies[id])).OrderBy(t => t.Item2.Events).ThenByDescending(t => t.Item2.Sequence).First();
                if (tally.Events <= least.Events)
                {
                    return;
                }

                _worst.Remove(leastId);
            }

            _worst[trackId] = captures = new Captures();
        }

        captures.Add(e.Frame, flicker, trackId, _recent, _recentEvents);
    }

    private readonly record struct Tally(int ClassId, int Flickers, int ClassSwitches, long Sequence)
    {
        public int Events => Flickers + ClassSwitches;
    }

    /// <summary>A worst track's best burst so far and the burst whose frames are still coming.</summary>
    private sealed class Captures
    {
        public Capture? Best { get; private set; }

        public Capture? Pending { get; private set; }

        /// <param name="recentEvents">Every track's events of the last few frames, this one's included.</param>
        public void Add(int eventFrame, bool flicker, int trackId, IReadOnlyList<KeptFrame> recent, IReadOnlyList<(int TrackId, int Frame, bool Flicker)> recentEvents)
        {
            if (Pending is { } pending && eventFrame > pending.Start + TrackStrip.Radius)
            {
                Complete();
            }

            if (Pending is null)
            {
                Pending = new Capture(eventFrame, trackId, recent);
                Pending.Events.AddRange(recentEvents.Where(e => e.TrackId == trackId && e.Frame >= eventFrame - TrackStrip.Radius).Select(e => (e.Frame, e.Flicker)));
            }
            else
            {
                Pending.Events.Add((eventFrame, flicker));
            }
        }

        /// <summary>A burst is complete once the frame after its last one has been walked: a flicker on its last frame is known then.</summary>
        public void CompleteBefore(int ordinal)
        {
            if (Pending is { } pending && pending.Start + TrackStrip.Radius < ordinal)
            {
                Complete();
            }
        }

        private void Complete()
        {
            if (Best is null || Pending!.Events.Count > Best.Events.Count)
            {
                Best = Pending;
            }

            Pending = null;
        }
    }

    /// <summary>The crops of one burst of a track, cut as its frames are walked.</summary>
    private sealed class Capture
    {
        private readonly int _trackId;
        private readonly List<(TrackStripFrame Frame, byte[] Rgba)> _cells = [];

        /// <param name="recent">The kept frames: those from <see cref="TrackStrip.Radius"/> before the start on are cut now.</param>
        public Capture(int start, int trackId, IReadOnlyList<KeptFrame> recent)
        {
            Start = start;
            _trackId = trackId;
            var frames = recent.Where(f => f.Ordinal >= start - TrackStrip.Radius).ToList();
            var cells = frames.Select(Locate).ToList();

            // Frames before the track entered the view show where it will be.
            var first = cells.First(c => c.Truth >= 0);
            for (var i = 0; i < frames.Count; i++)
            {
                var cell = cells[i].Truth >= 0 ? cells[i] : cells[i] with { X = first.X, Y = first.Y, Side = first.Side };
                _cells.Add((cell, Cut(frames[i], cell)));
            }
        }

        public int Start { get; }

        public List<(int Frame, bool Flicker)> Events { get; } = [];

        public void Extend(KeptFrame frame)
        {
            if (frame.Ordinal > Start + TrackStrip.Radius)
            {
                return;
            }

            var cell = Locate(frame);
            if (cell.Truth < 0)
            {
                // A track that left the view: the crop stays where it was last seen.
                var last = _cells[^1].Frame;
                cell = cell with { X = last.X, Y = last.Y, Side = last.Side };
            }

            _cells.Add((cell, Cut(frame, cell)));
        }

        public TrackStrip ToStrip(int trackId, Tally tally)
        {
            var size = TrackStrip.CellSize;
            var width = size * _cells.Count;
            var pixels = new byte[width * size * 3];
            for (var c = 0; c < _cells.Count; c++)
            {
                var rgba = _cells[c].Rgba;
                for (var y = 0; y < size; y++)
                {
                    for (var x = 0; x < size; x++)
                    {
                        var (from, to) = (((y * size) + x) * 4, ((y * width) + (c * size) + x) * 3);
                        (pixels[to], pixels[to + 1], pixels[to + 2]) = (rgba[from], rgba[from + 1], rgba[from + 2]);
                    }
                }
            }

            var frames = _cells.Select(c => c.Frame with
            {
                Flicker = Events.Any(e => e.Frame == c.Frame.Ordinal && e.Flicker),
                ClassSwitch = Events.Any(e => e.Frame == c.Frame.Ordinal && !e.Flicker),
            }).ToList();
            var jpeg = ImageEncoder.EncodeJpeg(CameraImage.Packed(width, size, PixelFormat.Rgb8, pixels), ReviewImage.JpegQuality);
            return new TrackStrip(trackId, tally.ClassId, tally.Flickers, tally.ClassSwitches, frames, new ReviewImage(width, size, jpeg));
        }

        /// <summary>The track's box in the frame and what it matched; its crop a square on the box's centre, twice its longer side.</summary>
        private TrackStripFrame Locate(KeptFrame frame)
        {
            var t = -1;
            for (var i = 0; i < frame.Truth.Count && t < 0; i++)
            {
                if (frame.Truth[i].TrackId == _trackId && OperatingPointMatcher.Scored(frame.Truth[i]))
                {
                    t = i;
                }
            }

            if (t < 0)
            {
                return new TrackStripFrame(frame.Ordinal, frame.Index, 0, 0, 0, -1, -1, -1, false, false);
            }

            var box = frame.Truth[t];
            var side = Math.Max(MinimumSide, 2 * Math.Max(box.Width, box.Height));
            return new TrackStripFrame(frame.Ordinal, frame.Index, box.X + (box.Width / 2) - (side / 2), box.Y + (box.Height / 2) - (side / 2), side,
                t, frame.MatchedBy[t], TrackWalk.Associated(box, frame.Detections), false, false);
        }

        /// <summary>The cell's square of the frame at <see cref="TrackStrip.CellSize"/> pixels, grey where it reaches past the image.</summary>
        private static byte[] Cut(KeptFrame frame, TrackStripFrame cell)
        {
            var size = TrackStrip.CellSize;
            using var cut = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Opaque));
            using (var canvas = new SKCanvas(cut))
            {
                canvas.Clear(new SKColor(128, 128, 128));
                var scale = size / cell.Side;
                var source = SKRect.Intersect(new SKRect(cell.X, cell.Y, cell.X + cell.Side, cell.Y + cell.Side), new SKRect(0, 0, frame.Image.Width, frame.Image.Height));
                if (!source.IsEmpty)
                {
                    var target = new SKRect((source.Left - cell.X) * scale, (source.Top - cell.Y) * scale, (source.Right - cell.X) * scale, (source.Bottom - cell.Y) * scale);
                    canvas.DrawImage(frame.Drawable, source, target, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
                }
            }

            var pixels = cut.GetPixelSpan().ToArray();
            return pixels;
        }
    }

    /// <summary>A walked frame kept for the strips that may still need it: an owned copy of its image, decoded for drawing on first use.</summary>
    private sealed class KeptFrame(int ordinal, long index, CameraImage image, IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections, int[] matchedBy) : IDisposable
    {
        private SKBitmap? _bitmap;
        private SKImage? _drawable;

        public int Ordinal => ordinal;

        public long Index => index;

        public CameraImage Image => image;

        /// <summary>The owned copy's packed pixels, for the next kept frame to reuse once this one leaves the window.</summary>
        public byte[] Pixels => System.Runtime.InteropServices.MemoryMarshal.TryGetArray(image.Pixels, out var segment) ? segment.Array! : [];

        public IReadOnlyList<TruthBox> Truth => truth;

        public IReadOnlyList<Detection> Detections => detections;

        public int[] MatchedBy => matchedBy;

        public SKImage Drawable => _drawable ??= SKImage.FromBitmap(_bitmap = ImageEncoder.ToBitmap(image));

        public void Dispose()
        {
            _drawable?.Dispose();
            _bitmap?.Dispose();
        }
    }
}
