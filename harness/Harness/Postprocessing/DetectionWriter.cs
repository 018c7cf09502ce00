using Harness.Preprocessing;

namespace Harness.Postprocessing;

/// <summary>
/// Maps boxes from model-input to source-image pixels, clipped to the image, and holds the one rule both
/// postprocessors apply to the clipped box (<see cref="KeepsArea"/>).
/// </summary>
internal static class DetectionWriter
{
    /// <summary>
    /// Whether the box, in model-input pixels, keeps a positive width and height once mapped and clipped to the source
    /// image. A box that keeps none lies outside the image (in the letterbox padding, or beyond an edge): it is no
    /// detection, and it is dropped before NMS so that it neither suppresses a box in the image nor takes one of the
    /// detections' places.
    /// </summary>
    public static bool KeepsArea(LetterboxTransform transform, float x1, float y1, float x2, float y2) =>
        transform.ToSourceX(x2) > transform.ToSourceX(x1) && transform.ToSourceY(y2) > transform.ToSourceY(y1);

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
