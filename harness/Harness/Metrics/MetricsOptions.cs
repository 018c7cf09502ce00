namespace Harness.Metrics;

/// <summary>
/// What the accumulators need to know about a scenario. <paramref name="ClassNames"/>[i] names class id i of both the
/// detector and the truth; <paramref name="LatencyWarmupFrames"/> first latency samples are discarded (JIT, session
/// and cache warm-up); <paramref name="Streaming"/> is the target hardware of the streaming metrics, which a scenario
/// without one does not have.
/// </summary>
internal sealed record MetricsOptions(IReadOnlyList<string> ClassNames, int LatencyWarmupFrames = 3, StreamingProfile? Streaming = null)
{
    /// <exception cref="ArgumentException">A class name is empty, repeated, or contains '/', the warm-up count is negative, or the streaming latency is not positive.</exception>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(ClassNames);
        ArgumentOutOfRangeException.ThrowIfNegative(LatencyWarmupFrames);
        if (Streaming is { } streaming)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(streaming.LatencyNs, nameof(Streaming));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in ClassNames)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Contains('/', StringComparison.Ordinal) || !seen.Add(name))
            {
                throw new ArgumentException($"Class name '{name}' must be non-empty, unique and free of '/' (it becomes part of metric names).", nameof(ClassNames));
            }
        }
    }
}
