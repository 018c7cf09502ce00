using Harness.Postprocessing.Layouts;
using Harness.Preprocessing;

namespace Harness.Postprocessing;

/// <summary>
/// The production postprocessor: vectorised decode and NMS over buffers sized to the anchor count on first use and
/// reused after, so a stream of same-shaped outputs allocates nothing. One instance is not safe for concurrent calls.
/// </summary>
internal sealed class SimdPostprocessor(LayoutConfig layout, PostprocessOptions options) : IPostprocessor
{
    private readonly Candidates candidates = new();
    private readonly Candidates sorted = new();
    private ulong[] keys = [];
    private float[] area = [];
    private int[] suppressed = [];
    private int[] kept = [];

    public LayoutConfig Layout { get; } = layout;

    public PostprocessOptions Options { get; } = options;

    public void Process(ModelOutputs outputs, LetterboxTransform transform, List<Detection> detections)
    {
        ArgumentNullException.ThrowIfNull(detections);
        detections.Clear();
        var shape = Layout.Check(outputs);
        Reserve(shape.Anchors);
        Layout.Layout.Decode(outputs, Layout, shape, Options.ScoreThreshold, candidates);
        var decoded = candidates.Count;
        PackedScoreKeys.Sort(candidates.Score.AsSpan(0, decoded), keys);
        sorted.Reset(decoded);
        foreach (var key in keys.AsSpan(0, decoded))
        {
            var i = PackedScoreKeys.IndexOf(key);
            if (DetectionWriter.KeepsArea(transform, candidates.X1[i], candidates.Y1[i], candidates.X2[i], candidates.Y2[i]))
            {
                sorted.AddFrom(candidates, i);
            }
        }

        var n = sorted.Count;
        int keptCount;
        if (Layout.Layout.Suppressed)
        {
            keptCount = Math.Min(n, Options.MaxDetections);
            for (var i = 0; i < keptCount; i++)
            {
                kept[i] = i;
            }
        }
        else
        {
            keptCount = NonMaxSuppression.Run(
                sorted, Options.IouThreshold, Options.ClassAgnostic, Options.MaxDetections, area, suppressed, kept);
        }

        DetectionWriter.Write(sorted, kept.AsSpan(0, keptCount), transform, detections);
    }

    private void Reserve(int capacity)
    {
        candidates.Reset(capacity);
        if (keys.Length >= capacity)
        {
            return;
        }

        keys = new ulong[capacity];
        area = new float[capacity];
        suppressed = new int[capacity];
        kept = new int[capacity];
    }
}
