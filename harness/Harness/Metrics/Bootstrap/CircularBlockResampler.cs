namespace Harness.Metrics.Bootstrap;

/// <summary>
/// Circular block resampling of n consecutive frames (Politis and Romano, "A circular block-resampling procedure for
/// stationary data", 1992): each resample draws ceil(n / L) block starts uniformly from [0, n), takes L frames from
/// each start, wrapping from the last frame to the first, and truncates to n. Blocks keep the correlation between
/// neighbouring frames that drawing single frames would destroy; wrapping makes every frame equally likely to be
/// drawn, where blocks that stop at the end draw the first and last frames less often than the middle ones.
/// </summary>
internal sealed class CircularBlockResampler
{
    private const double NanosecondsPerSecond = 1e9;

    private readonly int _frames;
    private readonly int _blockLength;

    /// <exception cref="ArgumentOutOfRangeException">No frames, or a block length outside [1, frames].</exception>
    public CircularBlockResampler(int frames, int blockLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blockLength, frames);
        _frames = frames;
        _blockLength = blockLength;
    }

    /// <summary>Writes the next resample's frame indices, in drawn order, into the first n elements of <paramref name="sequence"/>.</summary>
    public void Next(ref SplitMix64 random, Span<int> sequence)
    {
        var filled = 0;
        while (filled < _frames)
        {
            var start = random.NextBelow(_frames);
            var take = Math.Min(_blockLength, _frames - filled);
            for (var j = 0; j < take; j++)
            {
                var frame = start + j;
                sequence[filled++] = frame < _frames ? frame : frame - _frames;
            }
        }
    }

    /// <summary>
    /// L = max(1, round(blockSeconds / median frame interval)), capped at the frame count. The interval is the median
    /// (numpy's: mean of the middle two for an even count) of the gaps between consecutive distinct timestamps, so
    /// repeated or unsorted timestamps do not shrink it; fewer than two distinct timestamps give L = 1. Rounding is to
    /// even, as Python's round.
    /// </summary>
    public static int BlockLength(IReadOnlyList<long> timestampsNs, double blockSeconds)
    {
        var frames = timestampsNs.Count;
        var distinct = timestampsNs.Distinct().Order().ToArray();
        if (distinct.Length < 2)
        {
            return Math.Min(1, frames);
        }

        var gaps = new double[distinct.Length - 1];
        for (var i = 0; i < gaps.Length; i++)
        {
            gaps[i] = (double)distinct[i + 1] - distinct[i];
        }

        Array.Sort(gaps);
        var middle = gaps.Length / 2;
        var median = gaps.Length % 2 == 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2;
        var blocks = Math.Round(blockSeconds * NanosecondsPerSecond / median, MidpointRounding.ToEven);
        return (int)Math.Clamp(blocks, 1, frames);
    }
}
