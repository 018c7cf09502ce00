namespace Harness.Metrics.Bootstrap;

/// <summary>
/// One run's metric values in every lane (lane 0 the full sample, lane r + 1 resample r), NaN where the metric is
/// undefined in that lane, and each metric's support in the full sample.
/// </summary>
internal sealed class MetricSamples
{
    private readonly double[] _values;
    private readonly long[] _support;

    public MetricSamples(MetricLayout layout, int lanes)
    {
        Layout = layout;
        Lanes = lanes;
        _values = new double[layout.Count * lanes];
        _values.AsSpan().Fill(double.NaN);
        _support = new long[layout.Count];
    }

    public MetricLayout Layout { get; }

    public int Lanes { get; }

    public Span<double> Values(int metric) => _values.AsSpan(metric * Lanes, Lanes);

    public long Support(int metric) => _support[metric];

    public void SetSupport(int metric, long support) => _support[metric] = support;

    /// <summary>The slots of quality family <paramref name="family"/>.</summary>
    public MetricSlots Family(int family) => new(this, Layout.Start(family));

    /// <summary>The values of metric <paramref name="name"/> in each resample (lane 0 left out), or null for an unknown name.</summary>
    public double[]? Resamples(string name) => Layout.IndexOf(name) is >= 0 and var m ? Values(m)[1..].ToArray() : null;
}
