namespace Harness.TestKit;

/// <summary>
/// A seeded yolov8-shaped output [4+C, N] that looks like a real one to the postprocessor: low background scores
/// everywhere, and a cluster of overlapping, high-scoring anchors around each object. Feeds the benchmarks and the
/// tests that pin the SIMD path to the scalar reference on realistic data. Objects sit in the middle half of the
/// rows, where a 16:9 frame lands after letterboxing.
/// </summary>
internal static class SyntheticYolov8Output
{
    public static float[] Create(int anchors, int classes, int objects, int anchorsPerObject, int inputSize, int seed)
    {
        var random = new Random(seed);
        var rows = 4 + classes;
        var data = new float[rows * anchors];
        for (var a = 0; a < anchors; a++)
        {
            var w = 4f + (random.NextSingle() * inputSize / 4f);
            var h = 4f + (random.NextSingle() * inputSize / 4f);
            data[a] = random.NextSingle() * inputSize;
            data[anchors + a] = random.NextSingle() * inputSize;
            data[(2 * anchors) + a] = w;
            data[(3 * anchors) + a] = h;
            for (var c = 0; c < classes; c++)
            {
                data[((4 + c) * anchors) + a] = random.NextSingle() * random.NextSingle() * 0.1f;
            }
        }

        for (var o = 0; o < objects && anchors > 0; o++)
        {
            var classId = random.Next(classes);
            var cx = random.NextSingle() * inputSize;
            var cy = (0.25f + (random.NextSingle() * 0.5f)) * inputSize;
            var w = 8f + (random.NextSingle() * inputSize / 3f);
            var h = 8f + (random.NextSingle() * inputSize / 3f);
            for (var k = 0; k < anchorsPerObject; k++)
            {
                var a = random.Next(anchors);
                data[a] = cx + ((random.NextSingle() - 0.5f) * w * 0.3f);
                data[anchors + a] = cy + ((random.NextSingle() - 0.5f) * h * 0.3f);
                data[(2 * anchors) + a] = w * (0.8f + (random.NextSingle() * 0.4f));
                data[(3 * anchors) + a] = h * (0.8f + (random.NextSingle() * 0.4f));
                data[((4 + classId) * anchors) + a] = 0.2f + (random.NextSingle() * 0.75f);
                if (random.Next(4) == 0)
                {
                    data[((4 + random.Next(classes)) * anchors) + a] = 0.2f + (random.NextSingle() * 0.6f);
                }
            }
        }

        return data;
    }
}
