namespace Harness.Metrics.Bootstrap;

/// <summary>
/// How many times each frame was drawn, for the full sample (lane 0, every frame once) and each resample (lane r + 1),
/// stored frame-major (<c>Values[frame * Lanes + lane]</c>) so that one frame's weights in all resamples are contiguous
/// and the scorers can add them with vector operations. Both runs of a comparison are scored with the same weights:
/// that is the pairing. Weights are floats because the scorers count in floats (exact below 2^24).
/// </summary>
internal sealed class FrameWeights
{
    private FrameWeights(int frames, int lanes, float[] values)
    {
        Frames = frames;
        Lanes = lanes;
        Values = values;
    }

    public int Frames { get; }

    /// <summary>Resamples + 1: lane 0 is the full sample.</summary>
    public int Lanes { get; }

    public float[] Values { get; }

    /// <summary>Frame <paramref name="frame"/>'s weights in lanes [start, start + count).</summary>
    public ReadOnlySpan<float> Row(int frame, int start, int count) => Values.AsSpan((frame * Lanes) + start, count);

    public static FrameWeights Draw(int frames, int resamples, int blockLength, ulong seed)
    {
        var lanes = resamples + 1;
        var values = new float[frames * lanes];
        for (var i = 0; i < frames; i++)
        {
            values[i * lanes] = 1;
        }

        if (frames > 0)
        {
            var resampler = new MovingBlockResampler(frames, blockLength, seed);
            var sequence = new int[frames];
            for (var r = 1; r < lanes; r++)
            {
                resampler.Next(sequence);
                foreach (var frame in sequence)
                {
                    values[(frame * lanes) + r]++;
                }
            }
        }

        return new FrameWeights(frames, lanes, values);
    }
}
