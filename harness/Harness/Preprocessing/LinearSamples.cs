namespace Harness.Preprocessing;

/// <summary>
/// Two-tap bilinear sample positions along one axis, pixel-centre aligned like OpenCV's INTER_LINEAR:
/// <c>s = (d + 0.5) * source / target - 0.5</c>, <c>i0 = floor(s)</c>, weight of <c>i1 = i0 + 1</c> is <c>s - i0</c>;
/// positions before the first or past the last source pixel clamp to that pixel with weight 0.
/// </summary>
internal sealed class LinearSamples
{
    public LinearSamples(int sourceLength, int targetLength, int indexMultiplier)
    {
        First = new int[targetLength];
        Second = new int[targetLength];
        Weight = new float[targetLength];
        var step = (double)sourceLength / targetLength;
        for (var d = 0; d < targetLength; d++)
        {
            var position = ((d + 0.5) * step) - 0.5;
            var index = (int)Math.Floor(position);
            var weight = position - index;
            if (index < 0)
            {
                index = 0;
                weight = 0;
            }

            if (index >= sourceLength - 1)
            {
                index = sourceLength - 1;
                weight = 0;
            }

            First[d] = index * indexMultiplier;
            Second[d] = Math.Min(index + 1, sourceLength - 1) * indexMultiplier;
            Weight[d] = (float)weight;
        }

        OnPixelCentres = Array.TrueForAll(Weight, w => w == 0f);
    }

    /// <summary>True when every sample lands exactly on a source pixel, so the second tap never contributes.</summary>
    public bool OnPixelCentres { get; }

    /// <summary>Index (times the multiplier, e.g. 3 for interleaved pixels) of the first tap.</summary>
    public int[] First { get; }

    public int[] Second { get; }

    /// <summary>Weight of the second tap; the first has <c>1 - Weight</c>.</summary>
    public float[] Weight { get; }
}
