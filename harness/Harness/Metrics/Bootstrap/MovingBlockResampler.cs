namespace Harness.Metrics.Bootstrap;

/// <summary>
/// Moving-block resampling of n consecutive frames: each resample draws ceil(n / L) block starts uniformly from
/// [0, n - L], concatenates the blocks of L frames and truncates to n. Blocks keep the correlation between neighbouring
/// frames that an i.i.d. frame bootstrap would destroy (and with it, make intervals too narrow).
/// </summary>
internal sealed class MovingBlockResampler
{
    private const double NanosecondsPerSecond = 1e9;

    private readonly int _frames;
    private readonly int _blockLength;
    private SplitMix64 _random;

    /// <exception cref="ArgumentOutOfRangeException">No frames, or a block length outside [1, frames].</exception>
    public MovingBlockResampler(int frames, int blockLength, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blockLength, frames);
        _frames = frames;
        _blockLength = blockLength;
        _random = new SplitMix64(seed);
    }

    /// <summary>Writes the next resample's frame indices, in drawn order, into the first n elements of <paramref name="sequence"/>.</summary>
    public void Next(Span<int> sequence)
    {
        var starts = _frames - _blockLength + 1;
        var filled = 0;
        while (filled < _frames)
        {
            var start = _random.NextBelow(starts);
            var take = Math.Min(_blockLength, _frames - filled);
            for (var j = 0; j < take; j++)
            {
                sequence[filled++] = start + j;
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
