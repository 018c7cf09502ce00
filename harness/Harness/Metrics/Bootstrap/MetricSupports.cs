namespace Harness.Metrics.Bootstrap;

/// <summary>
/// How many things each metric of a run is computed over: truth objects (non-ignored, in the metric's class, area range
/// or slice), or frames for <c>fp_per_frame</c>. The same counts the bootstrap reports beside every interval, read from
/// the full sample alone, so a run without a baseline to pair with has them too.
/// </summary>
internal static class MetricSupports
{
    /// <param name="streaming">The scenario's streaming target, which the streaming metrics' supports need; null when it declares none.</param>
    public static IReadOnlyDictionary<string, long> Of(IReadOnlyList<string> classNames, IReadOnlyList<ScoredFrame> frames, StreamingProfile? streaming)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var samples = PairedBootstrap.Samples(classNames, [.. frames.Select(f => f.Truth)], [.. frames.Select(f => f.TimestampNs)],
            [.. frames.Select(f => (IReadOnlyList<Detection>)f.Detections)], new BootstrapOptions(Resamples: 0, BlockSeconds: 1, Units: ResamplingUnit.Frames), streaming: streaming);
        var supports = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var m = 0; m < samples.Layout.Count; m++)
        {
            supports[samples.Layout.Names[m]] = samples.Support(m);
        }

        return supports;
    }
}
