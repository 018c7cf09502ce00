namespace Harness.Metrics.Bootstrap;

/// <summary>
/// How many times each resampling unit was drawn, for the full sample (lane 0, every unit once) and each resample
/// (lane r + 1), stored unit-major (<c>Values[unit * Lanes + lane]</c>) so that one unit's weights in all resamples are
/// contiguous and the scorers can add them with vector operations. Both runs of a comparison are scored with the same
/// weights: that is the pairing. Weights are floats because the scorers count in floats (exact below 2^24).
/// </summary>
internal sealed class UnitWeights
{
    private UnitWeights(int units, int lanes, float[] values, float largest)
    {
        Units = units;
        Lanes = lanes;
        Values = values;
        Largest = largest;
    }

    public int Units { get; }

    /// <summary>Resamples + 1: lane 0 is the full sample.</summary>
    public int Lanes { get; }

    public float[] Values { get; }

    /// <summary>The most times any unit was drawn in any lane.</summary>
    public float Largest { get; }

    /// <summary>Unit <paramref name="unit"/>'s weights in lanes [start, start + count).</summary>
    public ReadOnlySpan<float> Row(int unit, int start, int count) => Values.AsSpan((unit * Lanes) + start, count);

    /// <summary>
    /// Per resample, the frames in circular blocks (<see cref="CircularBlockResampler"/>) and then as many tracks as
    /// there are, each uniformly with replacement, all from one generator seeded with <paramref name="seed"/>.
    /// </summary>
    public static UnitWeights Draw(ResamplingUnits units, int resamples, ulong seed)
    {
        var lanes = resamples + 1;
        var values = new float[units.Count * lanes];
        for (var u = 0; u < units.Count; u++)
        {
            values[u * lanes] = 1;
        }

        var random = new SplitMix64(seed);
        var resampler = units.Frames > 0 ? new CircularBlockResampler(units.Frames, units.BlockLength) : null;
        var sequence = new int[units.Frames];
        for (var r = 1; r < lanes; r++)
        {
            resampler?.Next(ref random, sequence);
            foreach (var frame in sequence)
            {
                values[(frame * lanes) + r]++;
            }

            for (var i = 0; i < units.Tracks; i++)
            {
                values[((units.Frames + random.NextBelow(units.Tracks)) * lanes) + r]++;
            }
        }

        var largest = values.Length == 0 ? 0 : values.Max();
        return new UnitWeights(units.Count, lanes, values, largest);
    }
}
