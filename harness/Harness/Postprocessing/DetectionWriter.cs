using Harness.Preprocessing;

namespace Harness.Postprocessing;

internal static class DetectionWriter
{
    /// <summary>Appends the kept candidates, mapped from model-input to source-image pixels and clipped to the image.</summary>
    public static void Write(Candidates sorted, ReadOnlySpan<int> kept, LetterboxTransform transform, List<Detection> detections)
    {
        foreach (var i in kept)
        {
            detections.Add(new Detection(
                transform.ToSourceX(sorted.X1[i]),
                transform.ToSourceY(sorted.Y1[i]),
                transform.ToSourceX(sorted.X2[i]),
                transform.ToSourceY(sorted.Y2[i]),
                sorted.Score[i],
                sorted.Class[i]));
        }
    }
}
