namespace Harness.Metrics.Flips;

/// <summary>Object-by-object comparison of a run with its baseline on the same truth (see <see cref="FlipKind"/>).</summary>
internal static class ObjectFlips
{
    /// <summary>Compares every frame of <paramref name="current"/> with the baseline's detections at the same position.</summary>
    /// <param name="classNames">The model's classes, which the truth and detections' class ids index.</param>
    /// <exception cref="ArgumentException">The baseline has a different number of frames.</exception>
    public static FlipSummary Compare(IReadOnlyList<string> classNames, IReadOnlyList<ScoredFrame> current, IReadOnlyList<IReadOnlyList<Detection>> baselineDetections)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(baselineDetections);
        if (current.Count != baselineDetections.Count)
        {
            throw new ArgumentException(
                $"The baseline has detections for {baselineDetections.Count} frames and the run {current.Count}: frames pair by position, so the counts must match.",
                nameof(baselineDetections));
        }

        var counter = new ObjectFlipCounter(classNames);
        for (var i = 0; i < current.Count; i++)
        {
            counter.Add(i, current[i].Index, current[i].Truth, baselineDetections[i], current[i].Detections);
        }

        return counter.Complete();
    }
}
