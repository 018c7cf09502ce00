namespace Harness.Postprocessing.Layouts;

/// <summary>Small scalar steps the reference decoders share, written for clarity rather than speed.</summary>
internal static class ReferenceDecoding
{
    /// <summary>First index of the largest value, as torch.argmax picks it.</summary>
    public static (int Index, float Value) ArgMax(int count, Func<int, float> value)
    {
        var bestIndex = 0;
        var best = value(0);
        for (var i = 1; i < count; i++)
        {
            var candidate = value(i);
            if (candidate > best)
            {
                best = candidate;
                bestIndex = i;
            }
        }

        return (bestIndex, best);
    }

    public static Detection FromCentre(float cx, float cy, float w, float h, float score, int classId) =>
        new(cx - (w * 0.5f), cy - (h * 0.5f), cx + (w * 0.5f), cy + (h * 0.5f), score, classId);

    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
