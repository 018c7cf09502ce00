namespace Harness.Preprocessing;

/// <summary>
/// An 8-bit value normalised as the exporters' reference code does it in float32: <c>x / 255</c> (a division, as
/// Ultralytics' <c>im /= 255</c> and torchvision's <c>ToTensor</c> compute it, not a multiplication by a rounded
/// 1/255) then <c>(x - mean) / std</c>. A <c>scale</c> whose reciprocal is a whole number divides by that number; any
/// other scale multiplies. With the 8-bit resize every value the model sees is one of 256 per channel, so a
/// preprocessor looks them up (<see cref="Table"/>).
/// </summary>
internal static class PixelNormalisation
{
    /// <summary>The divisor a scale stands for (255 for 1/255), or 0 when it is no whole number's reciprocal.</summary>
    public static float Divisor(float scale)
    {
        var reciprocal = 1.0 / scale;
        var whole = Math.Round(reciprocal);
        return whole >= 2 && Math.Abs(reciprocal - whole) <= 1e-5 * whole ? (float)whole : 0f;
    }

    public static float Normalise(float value, float scale, float mean, float std)
    {
        var divisor = Divisor(scale);
        var scaled = scale == 1f ? value : divisor > 0f ? value / divisor : value * scale;
        return (scaled - mean) / std;
    }

    /// <summary>The 256 normalised values of one colour.</summary>
    public static float[] Table(float scale, float mean, float std)
    {
        var table = new float[256];
        for (var v = 0; v < table.Length; v++)
        {
            table[v] = Normalise(v, scale, mean, std);
        }

        return table;
    }
}
