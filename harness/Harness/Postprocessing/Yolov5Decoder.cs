using System.Numerics.Tensors;

namespace Harness.Postprocessing;

/// <summary>
/// Decodes an anchor-major [1, N, 5+C] output. Like YOLOv5's own NMS, an anchor whose objectness is not above the
/// threshold is skipped before its class scores are read; the class argmax is vectorised by TensorPrimitives.
/// </summary>
internal static class Yolov5Decoder
{
    public static void Decode(ReadOnlySpan<float> data, int anchors, int columns, float threshold, Candidates candidates)
    {
        for (var a = 0; a < anchors; a++)
        {
            var row = data.Slice(a * columns, columns);
            var objectness = row[4];
            if (!(objectness > threshold))
            {
                continue;
            }

            var classScores = row[5..];
            var classId = TensorPrimitives.IndexOfMax(classScores);
            var score = objectness * classScores[classId];
            if (score > threshold)
            {
                candidates.AddCentre(row[0], row[1], row[2], row[3], score, classId);
            }
        }
    }
}
