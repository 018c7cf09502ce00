namespace Harness.Metrics.Bootstrap;

/// <summary>A family's metrics in every lane of one run's resamples (<see cref="Families.MetricFamily.CreateScorer"/>).</summary>
internal interface IResampleScorer
{
    /// <summary>Writes each of the family's metrics in every lane (NaN where undefined) and its support in the full sample.</summary>
    void Score(MetricSlots slots);
}
