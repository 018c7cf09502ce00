namespace Harness.Metrics;

/// <summary>
/// What one frame adds to the operating-point counts, read from <see cref="OperatingPointMatcher"/>'s results: the one
/// place the counting rules live. Per class, a row of <see cref="PerClass"/> counts: true positives, false positives,
/// misses, then the truths and the hits of each recall slice. A true positive is counted with the truth it found, a
/// false positive with its detection, so a caller can tell which box each count came from. Boxes of classes outside
/// <c>[0, classes)</c> are not counted.
/// </summary>
internal static class OperatingPointCounts
{
    public const int TruePositive = 0;
    public const int FalsePositive = 1;
    public const int FalseNegative = 2;
    public const int SliceTruths = 3;
    public const int SliceHits = SliceTruths + TruthSlices.Count;
    public const int PerClass = SliceHits + TruthSlices.Count;

    /// <summary>Receives one count: <c>box</c> is a truth index for truth fields, a detection index for <see cref="FalsePositive"/>.</summary>
    public interface ISink
    {
        void Count(int classId, int field, int box);
    }

    /// <summary>Visits the counts of the frame <paramref name="matcher"/> last matched; <paramref name="slices"/> is scratch of <see cref="TruthSlices.Count"/>.</summary>
    public static void Visit<TSink>(OperatingPointMatcher matcher, IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections, int classes,
        Span<bool> slices, ref TSink sink)
        where TSink : struct, ISink
    {
        var matches = matcher.Matches;
        for (var d = 0; d < matches.Length; d++)
        {
            var c = detections[d].ClassId;
            if ((uint)c < (uint)classes && matches[d] == DetectionMatch.FalsePositive)
            {
                sink.Count(c, FalsePositive, d);
            }
        }

        var matchedBy = matcher.MatchedBy;
        for (var t = 0; t < matchedBy.Length; t++)
        {
            var box = truth[t];
            if (!OperatingPointMatcher.Scored(box) || box.ClassId >= classes)
            {
                continue;
            }

            // A truth is matched only by a detection of its own class, so its class is the true positive's.
            var hit = matchedBy[t] >= 0;
            sink.Count(box.ClassId, hit ? TruePositive : FalseNegative, t);
            TruthSlices.Classify(box, slices);
            for (var s = 0; s < TruthSlices.Count; s++)
            {
                if (slices[s])
                {
                    sink.Count(box.ClassId, SliceTruths + s, t);
                    if (hit)
                    {
                        sink.Count(box.ClassId, SliceHits + s, t);
                    }
                }
            }
        }
    }
}
