namespace Harness.Metrics.Bootstrap;

/// <summary>
/// One family's slots in a run's <see cref="MetricSamples"/>: its metric i (in the order of its names) is slot
/// <c>start + i</c>, so a scorer addresses its own metrics from 0 whatever families come before it.
/// </summary>
internal readonly struct MetricSlots(MetricSamples samples, int start)
{
    public int Lanes => samples.Lanes;

    public Span<double> Values(int metric) => samples.Values(start + metric);

    public long Support(int metric) => samples.Support(start + metric);

    public void SetSupport(int metric, long support) => samples.SetSupport(start + metric, support);
}
