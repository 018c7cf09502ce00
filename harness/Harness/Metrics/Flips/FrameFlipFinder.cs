namespace Harness.Metrics.Flips;

/// <summary>
/// Finds the flips of one frame between a baseline run's and the current run's detections on the same truth, with
/// <see cref="OperatingPointMatcher"/> run on each:
/// <list type="bullet">
/// <item>a scored truth object (non-ignore, of a known class) matched in the baseline and missed now is lost, one
/// missed in the baseline and matched now is found; when the run that misses it has a detection of another class on it
/// (IoU &gt;= 0.5, highest first) that took no truth, it is a class change instead, and that detection is spent: it
/// explains no other class change and is no false positive of its own, since it is this object seen as something
/// else;</item>
/// <item>the remaining false positives pair up across runs by <see cref="FalsePositivePair.TryCreate"/> (same class
/// and IoU &gt;= 0.5, or the identical box), greedily, highest IoU first; unpaired current ones appeared, unpaired
/// baseline ones are gone. Detections in ignore regions are never false positives, so never flips.</item>
/// </list>
/// Boxes of classes outside the class names are skipped. Buffers are reused: nothing is allocated once they have grown.
/// </summary>
internal sealed class FrameFlipFinder
{
    private readonly OperatingPointMatcher _baselineMatcher = new();
    private readonly OperatingPointMatcher _currentMatcher = new();
    private readonly bool[] _vulnerable;
    private FrameFlip[] _flips = new FrameFlip[64];
    private bool[] _baselineSpent = new bool[64];
    private bool[] _currentSpent = new bool[64];
    private FalsePositivePair[] _pairs = new FalsePositivePair[64];
    private int _count;

    public FrameFlipFinder(IReadOnlyList<string> classNames)
    {
        _vulnerable = [.. classNames.Select(FlipSeverity.IsVulnerable)];
    }

    /// <summary>The flips of the last <see cref="Compare"/>, in <see cref="FrameFlip.Position"/> order.</summary>
    public ReadOnlySpan<FrameFlip> Flips => _flips.AsSpan(0, _count);

    public void Compare(IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> baseline, IReadOnlyList<Detection> current)
    {
        _count = 0;
        _baselineMatcher.Match(truth, baseline);
        _currentMatcher.Match(truth, current);
        Grow(truth.Count + baseline.Count + current.Count, baseline.Count, current.Count);
        Array.Clear(_baselineSpent, 0, baseline.Count);
        Array.Clear(_currentSpent, 0, current.Count);

        var wasMatchedBy = _baselineMatcher.MatchedBy;
        var isMatchedBy = _currentMatcher.MatchedBy;
        for (var t = 0; t < truth.Count; t++)
        {
            var box = truth[t];
            if (!OperatingPointMatcher.Scored(box) || box.ClassId >= _vulnerable.Length || (wasMatchedBy[t] >= 0) == (isMatchedBy[t] >= 0))
            {
                continue;
            }

            if (wasMatchedBy[t] >= 0)
            {
                var other = OtherClass(box, current, _currentMatcher.Matches, _currentSpent);
                Add(other >= 0 ? FlipKind.ClassChanged : FlipKind.Lost, box, t, wasMatchedBy[t], other);
            }
            else
            {
                var other = OtherClass(box, baseline, _baselineMatcher.Matches, _baselineSpent);
                Add(other >= 0 ? FlipKind.ClassChanged : FlipKind.Found, box, t, other, isMatchedBy[t]);
            }
        }

        PairFalsePositives(baseline, current);
        AddFalsePositives(FlipKind.FalsePositiveAppeared, current, _currentMatcher.Matches, _currentSpent, truth.Count);
        AddFalsePositives(FlipKind.FalsePositiveGone, baseline, _baselineMatcher.Matches, _baselineSpent, truth.Count + current.Count);
    }

    private void Add(FlipKind kind, TruthBox box, int truth, int baseline, int current) =>
        _flips[_count++] = new FrameFlip(kind, box.ClassId, truth, baseline, current, FlipSeverity.Of(kind, _vulnerable[box.ClassId], box), truth);

    /// <summary>The unspent detection of another class that took no truth and overlaps <paramref name="box"/> most (IoU &gt;= 0.5), spent; else -1.</summary>
    private static int OtherClass(TruthBox box, IReadOnlyList<Detection> detections, ReadOnlySpan<DetectionMatch> matches, bool[] spent)
    {
        var best = -1;
        var bestIou = OperatingPointMatcher.MatchIou;
        for (var d = 0; d < detections.Count; d++)
        {
            if (spent[d] || matches[d] == DetectionMatch.Matched || detections[d].ClassId == box.ClassId)
            {
                continue;
            }

            var iou = PixelOverlap.Iou(detections[d], box);
            if (OperatingPointMatcher.IsBetterMatch(iou, best, bestIou))
            {
                best = d;
                bestIou = iou;
            }
        }

        if (best >= 0)
        {
            spent[best] = true;
        }

        return best;
    }

    private void PairFalsePositives(IReadOnlyList<Detection> baseline, IReadOnlyList<Detection> current)
    {
        var baselineMatches = _baselineMatcher.Matches;
        var currentMatches = _currentMatcher.Matches;
        var pairs = 0;
        for (var b = 0; b < baseline.Count; b++)
        {
            if (_baselineSpent[b] || baselineMatches[b] != DetectionMatch.FalsePositive)
            {
                continue;
            }

            for (var c = 0; c < current.Count; c++)
            {
                if (_currentSpent[c] || currentMatches[c] != DetectionMatch.FalsePositive)
                {
                    continue;
                }

                if (FalsePositivePair.TryCreate(b, baseline[b], c, current[c], out var pair))
                {
                    if (pairs == _pairs.Length)
                    {
                        Array.Resize(ref _pairs, _pairs.Length * 2);
                    }

                    _pairs[pairs++] = pair;
                }
            }
        }

        _pairs.AsSpan(0, pairs).Sort();
        for (var p = 0; p < pairs; p++)
        {
            var pair = _pairs[p];
            if (!_baselineSpent[pair.Baseline] && !_currentSpent[pair.Current])
            {
                _baselineSpent[pair.Baseline] = true;
                _currentSpent[pair.Current] = true;
            }
        }
    }

    private void AddFalsePositives(FlipKind kind, IReadOnlyList<Detection> detections, ReadOnlySpan<DetectionMatch> matches, bool[] spent, int firstPosition)
    {
        for (var d = 0; d < detections.Count; d++)
        {
            var detection = detections[d];
            if (spent[d] || matches[d] != DetectionMatch.FalsePositive || (uint)detection.ClassId >= (uint)_vulnerable.Length)
            {
                continue;
            }

            var severity = FlipSeverity.Of(kind, _vulnerable[detection.ClassId], rangeMeters: null, (double)detection.Width * detection.Height);
            var appeared = kind == FlipKind.FalsePositiveAppeared;
            _flips[_count++] = new FrameFlip(kind, detection.ClassId, -1, appeared ? -1 : d, appeared ? d : -1, severity, firstPosition + d);
        }
    }

    private void Grow(int flips, int baseline, int current)
    {
        if (_flips.Length < flips)
        {
            _flips = new FrameFlip[Math.Max(flips, _flips.Length * 2)];
        }

        if (_baselineSpent.Length < baseline)
        {
            _baselineSpent = new bool[Math.Max(baseline, _baselineSpent.Length * 2)];
        }

        if (_currentSpent.Length < current)
        {
            _currentSpent = new bool[Math.Max(current, _currentSpent.Length * 2)];
        }
    }
}
