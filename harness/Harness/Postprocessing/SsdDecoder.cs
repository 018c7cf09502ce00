using System.Numerics.Tensors;

namespace Harness.Postprocessing;

/// <summary>
/// Decodes corner boxes [1, N, 4] with scores [1, N, columns], where the C class columns start at
/// <c>firstClass</c> (a background column before or after them is never read); the class argmax is vectorised by
/// TensorPrimitives. Boxes are multiplied by the scales (1 for pixels, the input size for normalized corners).
/// </summary>
internal static class SsdDecoder
{
    public static void Decode(
        ReadOnlySpan<float> boxes,
        ReadOnlySpan<float> scores,
        int anchors,
        int columns,
        int firstClass,
        int classes,
        float scaleX,
        float scaleY,
        float threshold,
        Candidates candidates)
    {
        for (var a = 0; a < anchors; a++)
        {
            var row = scores.Slice((a * columns) + firstClass, classes);
            var classId = TensorPrimitives.IndexOfMax(row);
            var score = row[classId];
            if (score > threshold)
            {
                var box = boxes.Slice(a * 4, 4);
                candidates.Add(box[0] * scaleX, box[1] * scaleY, box[2] * scaleX, box[3] * scaleY, score, classId);
            }
        }
    }
}
