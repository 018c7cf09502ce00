namespace Harness.Metrics.Bootstrap;

/// <summary>
/// Settings of the paired bootstrap. The same options and inputs give byte-identical intervals: the resampling uses its
/// own seeded generator, not <see cref="Random"/>.
/// </summary>
/// <param name="Resamples">Number of bootstrap resamples; 0 gives intervals of width zero at the full-sample change.</param>
/// <param name="Seed">Seed of the resampling generator.</param>
/// <param name="BlockSeconds">Length of a block of consecutive frames, in seconds of clip time; null chooses it from the data (<see cref="BlockLengthSelector"/>).</param>
/// <param name="Confidence">Coverage of the percentile interval, in [0, 1].</param>
/// <param name="Units">What is resampled: tracks crossed with frames where the truth has tracks (the default), tracks, or frames only.</param>
internal sealed record BootstrapOptions(int Resamples = 1000, ulong Seed = 0x5EED_2026UL, double? BlockSeconds = null, double Confidence = 0.95,
    ResamplingUnit Units = ResamplingUnit.TracksAndFrames)
{
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, the block length is not a positive finite
    /// number, or the confidence is outside [0, 1].</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Resamples);
        if (BlockSeconds is { } seconds && (!double.IsFinite(seconds) || seconds <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(BlockSeconds), seconds, "The block length must be a positive number of seconds.");
        }

        if (!(Confidence >= 0 && Confidence <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Confidence), Confidence, "The confidence must be in [0, 1].");
        }
    }
}
