namespace Harness.Benchmarks.Inference;

/// <summary>
/// A seeded YOLOv8-style NMS input: 8400 (cx, cy, w, h) boxes in clusters around object centres on a 640x640 image,
/// and 80 class scores per box with one dominant class per cluster.
/// </summary>
internal sealed record NmsInput(float[] Boxes, float[] Scores, int BoxCount, int ClassCount)
{
    public static NmsInput Create(int boxCount = 8400, int classCount = 80, int seed = 42)
    {
        var random = new Random(seed);
        var boxes = new float[boxCount * 4];
        var scores = new float[classCount * boxCount];
        const int Clusters = 60;
        var centres = Enumerable.Range(0, Clusters)
            .Select(_ => (X: random.NextSingle() * 600f + 20f, Y: random.NextSingle() * 600f + 20f, W: random.NextSingle() * 120f + 10f, H: random.NextSingle() * 120f + 10f, Class: random.Next(classCount)))
            .ToArray();
        for (var i = 0; i < boxCount; i++)
        {
            var centre = centres[random.Next(Clusters)];
            boxes[i * 4] = centre.X + ((random.NextSingle() - 0.5f) * centre.W * 0.3f);
            boxes[(i * 4) + 1] = centre.Y + ((random.NextSingle() - 0.5f) * centre.H * 0.3f);
            boxes[(i * 4) + 2] = centre.W * (0.8f + (random.NextSingle() * 0.4f));
            boxes[(i * 4) + 3] = centre.H * (0.8f + (random.NextSingle() * 0.4f));
            for (var c = 0; c < classCount; c++)
            {
                scores[(c * boxCount) + i] = random.NextSingle() * 0.3f;
            }

            scores[(centre.Class * boxCount) + i] = 0.2f + (random.NextSingle() * 0.8f);
        }

        return new NmsInput(boxes, scores, boxCount, classCount);
    }
}
