namespace Harness.Metrics.Flips;

/// <summary>
/// Counts object flips (<see cref="FrameFlipFinder"/>) frame by frame, per class and per class and recall slice, and
/// keeps the <paramref name="keepWorst"/> most severe. Nothing is allocated per frame except an <see cref="ObjectFlip"/>
/// that enters the worst list, which is bounded.
/// </summary>
internal sealed class ObjectFlipCounter(IReadOnlyList<string> classNames, int keepWorst = 50)
{
    private const int Kinds = 5;

    /// <summary>Lost, found and class changed: the kinds a truth object, and so a slice, can have.</summary>
    private const int TruthKinds = 3;

    private readonly FrameFlipFinder _finder = new(classNames);
    private readonly int _keepWorst = keepWorst >= 0 ? keepWorst : throw new ArgumentOutOfRangeException(nameof(keepWorst), keepWorst, "Cannot keep a negative number of flips.");
    private readonly int[] _classCounts = new int[classNames.Count * Kinds];
    private readonly int[] _sliceCounts = new int[classNames.Count * TruthSlices.Count * TruthKinds];
    private readonly bool[] _slices = new bool[TruthSlices.Count];
    private readonly List<(FlipRank Rank, ObjectFlip Flip)> _worst = new(Math.Max(keepWorst, 0) + 1);

    /// <param name="ordinal">The frame's position in the clip: with <paramref name="frameIndex"/>, what a flip names.</param>
    /// <param name="truth">The frame's truth in model class ids, the same for both runs.</param>
    public void Add(int ordinal, long frameIndex, IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> baseline, IReadOnlyList<Detection> current)
    {
        _finder.Compare(truth, baseline, current);
        foreach (var flip in _finder.Flips)
        {
            _classCounts[(flip.ClassId * Kinds) + (int)flip.Kind]++;
            if (flip.Truth >= 0)
            {
                TruthSlices.Classify(truth[flip.Truth], _slices);
                for (var s = 0; s < TruthSlices.Count; s++)
                {
                    if (_slices[s])
                    {
                        _sliceCounts[(((flip.ClassId * TruthSlices.Count) + s) * TruthKinds) + (int)flip.Kind]++;
                    }
                }
            }

            Keep(flip, ordinal, frameIndex, truth, baseline, current);
        }
    }

    public FlipSummary Complete()
    {
        var groups = new SortedDictionary<string, FlipCounts>(StringComparer.Ordinal);
        var totals = new int[Kinds];
        for (var c = 0; c < classNames.Count; c++)
        {
            var counts = _classCounts.AsSpan(c * Kinds, Kinds);
            for (var k = 0; k < Kinds; k++)
            {
                totals[k] += counts[k];
            }

            groups[classNames[c]] = Counts(counts);
            for (var s = 0; s < TruthSlices.Count; s++)
            {
                var slice = _sliceCounts.AsSpan(((c * TruthSlices.Count) + s) * TruthKinds, TruthKinds);
                groups[$"{classNames[c]}/{MetricNames.RecallSlices[s]}"] = new FlipCounts(slice[(int)FlipKind.Lost], slice[(int)FlipKind.Found], slice[(int)FlipKind.ClassChanged], 0, 0);
            }
        }

        var total = Counts(totals);
        return new FlipSummary(total.Lost, total.Found, total.ClassChanged, total.FalsePositivesAppeared, total.FalsePositivesGone, groups, [.. _worst.Select(w => w.Flip)]);
    }

    private static FlipCounts Counts(ReadOnlySpan<int> byKind) => new(
        byKind[(int)FlipKind.Lost],
        byKind[(int)FlipKind.Found],
        byKind[(int)FlipKind.ClassChanged],
        byKind[(int)FlipKind.FalsePositiveAppeared],
        byKind[(int)FlipKind.FalsePositiveGone]);

    /// <summary>Inserts the flip into the worst list if it ranks there; the <see cref="ObjectFlip"/> is made only then.</summary>
    private void Keep(in FrameFlip flip, int ordinal, long frameIndex, IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> baseline, IReadOnlyList<Detection> current)
    {
        var rank = new FlipRank(flip.Severity, ordinal, flip.Position);
        if (_keepWorst == 0 || (_worst.Count == _keepWorst && rank.CompareTo(_worst[^1].Rank) >= 0))
        {
            return;
        }

        var position = _worst.Count;
        while (position > 0 && rank.CompareTo(_worst[position - 1].Rank) < 0)
        {
            position--;
        }

        _worst.Insert(position, (rank, flip.ToObjectFlip(ordinal, frameIndex, truth, baseline, current)));
        if (_worst.Count > _keepWorst)
        {
            _worst.RemoveAt(_keepWorst);
        }
    }
}
