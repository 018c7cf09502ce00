using System.Numerics.Tensors;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// How many times each resampling unit was drawn, for the full sample (lane 0, every unit once) and each resample
/// (lane r + 1). Frames and tracks are stored unit-major (<c>[unit * Lanes + lane]</c>) so that one unit's weights in
/// all resamples are contiguous and the scorers add them with vector operations; a crossed (frame, track) cell's
/// weights are its frame's times its track's, computed when asked for. Both runs of a comparison are scored with the
/// same weights: that is the pairing. Weights are floats because the scorers count in floats (exact below 2^24).
/// </summary>
internal sealed class UnitWeights
{
    private readonly float[] _values;
    private readonly ResamplingUnits _units;
    private readonly bool _vectorized;

    private UnitWeights(ResamplingUnits units, int lanes, float[] values, float largest, bool vectorized)
    {
        _units = units;
        Lanes = lanes;
        _values = values;
        Largest = largest;
        _vectorized = vectorized;
    }

    public int Units => _units.Count;

    /// <summary>Resamples + 1: lane 0 is the full sample.</summary>
    public int Lanes { get; }

    /// <summary>No unit is drawn more often than this in any lane.</summary>
    public float Largest { get; }

    /// <summary>
    /// Unit <paramref name="unit"/>'s weights in lanes [start, start + count): stored, or for a crossed cell written
    /// into <paramref name="scratch"/> (at least <paramref name="count"/> long) and returned from there.
    /// </summary>
    public ReadOnlySpan<float> Row(int unit, int start, int count, Span<float> scratch)
    {
        if (!_units.Crossed || unit < _units.Frames)
        {
            return _values.AsSpan((unit * Lanes) + start, count);
        }

        var (frame, track) = _units.Cell(unit);
        var product = scratch[..count];
        WeightKernels.Multiply(_values.AsSpan((frame * Lanes) + start, count), _values.AsSpan(((_units.Frames + track) * Lanes) + start, count), product, _vectorized);
        return product;
    }

    /// <summary>
    /// Per resample, the frames in circular blocks (<see cref="CircularBlockResampler"/>) and then as many tracks as
    /// there are, each uniformly with replacement, all from one generator seeded with <paramref name="seed"/>.
    /// </summary>
    public static UnitWeights Draw(ResamplingUnits units, int resamples, ulong seed, bool vectorized = true)
    {
        var lanes = resamples + 1;
        var stored = units.Frames + units.Tracks;
        var values = new float[stored * lanes];
        for (var u = 0; u < stored; u++)
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

        var frameMost = units.Frames == 0 ? 0 : TensorPrimitives.Max(values.AsSpan(0, units.Frames * lanes));
        var trackMost = units.Tracks == 0 ? 0 : TensorPrimitives.Max(values.AsSpan(units.Frames * lanes));
        var largest = units.Crossed ? frameMost * trackMost : Math.Max(frameMost, trackMost);
        return new UnitWeights(units, lanes, values, largest, vectorized);
    }
}
