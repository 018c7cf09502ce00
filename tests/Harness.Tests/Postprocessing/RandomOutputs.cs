namespace Harness.Tests.Postprocessing;

/// <summary>
/// Seeded outputs of every layout with boxes gathered around a few centres, so many overlap and NMS has work to do,
/// and scores spread over [0, 1) so a good share of anchors pass a 0.25 threshold.
/// </summary>
internal sealed class RandomOutputs(int seed)
{
    private readonly Random random = new(seed);

    public (float[] Data, long[] Shape) Yolov8(int anchors, int classes)
    {
        var data = new float[(4 + classes) * anchors];
        var centres = Centres(anchors);
        for (var a = 0; a < anchors; a++)
        {
            var (cx, cy, w, h) = Box(centres);
            data[a] = cx;
            data[anchors + a] = cy;
            data[(2 * anchors) + a] = w;
            data[(3 * anchors) + a] = h;
            for (var c = 0; c < classes; c++)
            {
                data[((4 + c) * anchors) + a] = Score();
            }
        }

        return (data, [1, 4 + classes, anchors]);
    }

    public (float[] Data, long[] Shape) Yolov5(int anchors, int classes)
    {
        var columns = 5 + classes;
        var data = new float[columns * anchors];
        var centres = Centres(anchors);
        for (var a = 0; a < anchors; a++)
        {
            var (cx, cy, w, h) = Box(centres);
            var row = data.AsSpan(a * columns, columns);
            row[0] = cx;
            row[1] = cy;
            row[2] = w;
            row[3] = h;
            row[4] = random.NextSingle();
            for (var c = 0; c < classes; c++)
            {
                row[5 + c] = Score();
            }
        }

        return (data, [1, anchors, columns]);
    }

    /// <summary>YOLOX rows: raw grid offsets in [-0.5, 1.5), log sizes in [-1, 2), objectness and class probabilities.</summary>
    public (float[] Data, long[] Shape) Yolox(int anchors, int classes)
    {
        var columns = 5 + classes;
        var data = new float[columns * anchors];
        for (var a = 0; a < anchors; a++)
        {
            var row = data.AsSpan(a * columns, columns);
            row[0] = (random.NextSingle() * 2f) - 0.5f;
            row[1] = (random.NextSingle() * 2f) - 0.5f;
            row[2] = (random.NextSingle() * 3f) - 1f;
            row[3] = (random.NextSingle() * 3f) - 1f;
            row[4] = random.NextSingle();
            for (var c = 0; c < classes; c++)
            {
                row[5 + c] = Score();
            }
        }

        return (data, [1, anchors, columns]);
    }

    /// <summary>Ultralytics end-to-end rows: corners, score, class id.</summary>
    public (float[] Data, long[] Shape) Yolov10(int slots, int classes)
    {
        var data = new float[6 * slots];
        var centres = Centres(slots);
        for (var k = 0; k < slots; k++)
        {
            var (cx, cy, w, h) = Box(centres);
            var row = data.AsSpan(6 * k, 6);
            row[0] = cx - (w / 2);
            row[1] = cy - (h / 2);
            row[2] = cx + (w / 2);
            row[3] = cy + (h / 2);
            row[4] = Score();
            row[5] = random.Next(classes);
        }

        return (data, [1, slots, 6]);
    }

    /// <summary>RT-DETR queries: normalized centre boxes, then class probabilities or logits in [-6, 2).</summary>
    public (float[] Data, long[] Shape) RtDetr(int queries, int classes, bool logits)
    {
        var columns = 4 + classes;
        var data = new float[columns * queries];
        var centres = Centres(queries);
        for (var q = 0; q < queries; q++)
        {
            var (cx, cy, w, h) = Box(centres);
            var row = data.AsSpan(q * columns, columns);
            row[0] = cx / 640f;
            row[1] = cy / 640f;
            row[2] = w / 640f;
            row[3] = h / 640f;
            for (var c = 0; c < classes; c++)
            {
                row[4 + c] = logits ? (random.NextSingle() * 8f) - 6f : Score();
            }
        }

        return (data, [1, queries, columns]);
    }

    public (float[] Boxes, float[] Scores) Corners(int anchors, int classes, bool normalized = false)
    {
        var boxes = new float[4 * anchors];
        var scores = new float[classes * anchors];
        var centres = Centres(anchors);
        for (var a = 0; a < anchors; a++)
        {
            var (cx, cy, w, h) = Box(centres);
            var scale = normalized ? 1f / 640f : 1f;
            boxes[4 * a] = (cx - (w / 2)) * scale;
            boxes[(4 * a) + 1] = (cy - (h / 2)) * scale;
            boxes[(4 * a) + 2] = (cx + (w / 2)) * scale;
            boxes[(4 * a) + 3] = (cy + (h / 2)) * scale;
            for (var c = 0; c < classes; c++)
            {
                scores[(a * classes) + c] = Score();
            }
        }

        return (boxes, scores);
    }

    public float[] Classes(int slots, int classes)
    {
        var ids = new float[slots];
        for (var i = 0; i < slots; i++)
        {
            ids[i] = random.Next(classes);
        }

        return ids;
    }

    public int Next(int exclusiveMax) => random.Next(exclusiveMax);

    private float Score() => random.NextSingle() * random.NextSingle();

    private (float X, float Y)[] Centres(int anchors)
    {
        var centres = new (float X, float Y)[1 + (anchors / 16)];
        for (var i = 0; i < centres.Length; i++)
        {
            centres[i] = (random.NextSingle() * 640f, random.NextSingle() * 640f);
        }

        return centres;
    }

    private (float Cx, float Cy, float W, float H) Box((float X, float Y)[] centres)
    {
        var (x, y) = centres[random.Next(centres.Length)];
        return (
            x + ((random.NextSingle() - 0.5f) * 30f),
            y + ((random.NextSingle() - 0.5f) * 30f),
            20f + (random.NextSingle() * 60f),
            20f + (random.NextSingle() * 60f));
    }
}
