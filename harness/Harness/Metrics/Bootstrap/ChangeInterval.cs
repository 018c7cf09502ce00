namespace Harness.Metrics.Bootstrap;

/// <summary>
/// One metric's change between two runs: the full-sample values of both, the percentile interval of
/// (current - baseline) over the bootstrap resamples, and how many things the metric is computed over in the current
/// run (truths, or frames for <c>fp_per_frame</c>).
/// </summary>
public sealed record ChangeInterval(double Baseline, double Current, double Low, double High, long Support)
{
    /// <summary>
    /// False when the clip was too short to resample (<see cref="PairedBootstrap.CanEstimate"/>): the values and the
    /// support stand, but <see cref="Low"/> and <see cref="High"/> are only the point change and say nothing of noise.
    /// </summary>
    public bool HasSpread { get; init; } = true;

    /// <summary>Every resample's change (current - baseline), sorted ascending: other confidence levels and p-values are read from them.</summary>
    internal double[] Draws { get; init; } = [];
}
