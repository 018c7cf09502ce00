using System.Numerics.Tensors;

namespace Harness.Postprocessing;

/// <summary>Decodes corner boxes [1, N, 4] with scores [1, N, C]; the class argmax is vectorised by TensorPrimitives.</summary>
internal static class SsdDecoder
{
    public static void Decode(ReadOnlySpan<float> boxes, ReadOnlySpan<float> scores, int anchors, int classes, float threshold, Candidates candidates)
    {
        for (var a = 0; a < anchors; a++)
        {
            var row = scores.Slice(a * classes, classes);
            var classId = TensorPrimitives.IndexOfMax(row);
            var score = row[classId];
            if (score > threshold)
            {
                var box = boxes.Slice(a * 4, 4);
                candidates.Add(box[0], box[1], box[2], box[3], score, classId);
            }
        }
    }
}
