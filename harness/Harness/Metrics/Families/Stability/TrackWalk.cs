namespace Harness.Metrics.Families.Stability;

/// <summary>
/// Follows every truth track through a run frame by frame, as <see cref="OperatingPointMatcher"/> matches it (IoU 0.5,
/// same class, detections above the threshold), and reports what the stability metrics count
/// (<see cref="StabilityCount"/>). Tracks are truth boxes with a track id that the operating point scores (not ignore
/// regions). "Consecutive" means adjacent frames of the clip, so a track that leaves the view and comes back starts a new
/// run of frames. Events are attributed to the truth box of the frame they describe: a flicker to the missed frame, a
/// class switch and a jitter pair to the later frame, the wait for a first detection to the first frame.
/// </summary>
internal sealed class TrackWalk
{
    private readonly OperatingPointMatcher _matcher = new();
    private readonly Dictionary<int, TrackState> _tracks = [];
    private int _frame;

    /// <summary>For each truth box of the frame just walked, the detection the operating point matched it with, or -1.</summary>
    public ReadOnlySpan<int> MatchedBy => _matcher.MatchedBy;

    /// <summary>Walks the next frame of the run, appending its events to <paramref name="events"/>.</summary>
    public void Add(IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections, List<StabilityEvent> events)
    {
        var frame = _frame++;
        _matcher.Match(truth, detections);
        var matchedBy = _matcher.MatchedBy;
        for (var t = 0; t < truth.Count; t++)
        {
            var box = truth[t];
            if (box.TrackId < 0 || !OperatingPointMatcher.Scored(box))
            {
                continue;
            }

            var classId = box.ClassId;
            var match = matchedBy[t];
            var detected = match >= 0;
            events.Add(new StabilityEvent(frame, t, classId, StabilityCount.ObjectFrames, 1));
            if (!_tracks.TryGetValue(box.TrackId, out var track))
            {
                track = new TrackState { FirstFrame = frame, FirstTruth = t, Previous = Observation.None, BeforePrevious = Observation.None, AssociatedClass = -1 };
            }

            if (track.Previous.Frame == frame - 1 && track.BeforePrevious.Frame == frame - 2 && detected && !track.Previous.Detected && track.BeforePrevious.Detected)
            {
                events.Add(new StabilityEvent(frame - 1, track.Previous.Truth, classId, StabilityCount.Flickers, 1));
            }

            if (detected && track.Previous.Frame == frame - 1 && track.Previous.Detected)
            {
                events.Add(new StabilityEvent(frame, t, classId, StabilityCount.JitterSum, StabilityFamily.QuantizeJitter(Jitter(track.Previous, box, detections[match]))));
                events.Add(new StabilityEvent(frame, t, classId, StabilityCount.JitterPairs, 1));
            }

            if (detected && !track.EverDetected)
            {
                track.EverDetected = true;
                events.Add(new StabilityEvent(track.FirstFrame, track.FirstTruth, classId, StabilityCount.FramesToDetect, frame - track.FirstFrame));
                events.Add(new StabilityEvent(track.FirstFrame, track.FirstTruth, classId, StabilityCount.DetectedTracks, 1));
            }

            var associated = Associated(box, detections) is var seenAs and >= 0 ? detections[seenAs].ClassId : -1;
            if (associated >= 0)
            {
                if (track.AssociatedClass >= 0 && associated != track.AssociatedClass)
                {
                    events.Add(new StabilityEvent(frame, t, classId, StabilityCount.ClassSwitches, 1));
                }

                track.AssociatedClass = associated;
            }

            track.BeforePrevious = track.Previous;
            track.Previous = new Observation(frame, t, detected, box, detected ? detections[match] : default);
            _tracks[box.TrackId] = track;
        }
    }

    /// <summary>
    /// The detection of any class that overlaps <paramref name="box"/> most, at IoU 0.5 or more (the first of equal
    /// overlaps), or -1: the operating point matches within a class, so a class switch shows only in its class.
    /// </summary>
    public static int Associated(TruthBox box, IReadOnlyList<Detection> detections)
    {
        var best = -1;
        var bestIou = OperatingPointMatcher.MatchIou;
        for (var d = 0; d < detections.Count; d++)
        {
            var iou = PixelOverlap.Iou(detections[d], box);
            if (iou > bestIou || (best < 0 && iou >= bestIou))
            {
                best = d;
                bestIou = iou;
            }
        }

        return best;
    }

    /// <summary>The mean over the four edges of how much more (or less) the detection's edge moved than its truth's, in pixels.</summary>
    private static double Jitter(Observation previous, TruthBox box, in Detection detection)
    {
        var (before, then) = (previous.Detection, previous.Box!);
        return (Math.Abs((detection.X1 - before.X1) - ((double)box.X - then.X))
            + Math.Abs((detection.Y1 - before.Y1) - ((double)box.Y - then.Y))
            + Math.Abs((detection.X2 - before.X2) - ((double)box.X + box.Width - then.X - then.Width))
            + Math.Abs((detection.Y2 - before.Y2) - ((double)box.Y + box.Height - then.Y - then.Height))) / 4;
    }

    private readonly record struct Observation(int Frame, int Truth, bool Detected, TruthBox? Box, Detection Detection)
    {
        public static Observation None => new(int.MinValue, -1, false, null, default);
    }

    private struct TrackState
    {
        public int FirstFrame;
        public int FirstTruth;
        public bool EverDetected;
        public int AssociatedClass;
        public Observation Previous;
        public Observation BeforePrevious;
    }
}
