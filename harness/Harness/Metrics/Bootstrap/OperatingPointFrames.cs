using Harness.Clips;
using Harness.Postprocessing;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// The operating-point counts of every frame, taken as differences of OperatingPointAccumulator's running totals so
/// that the matching is exactly the accumulator's. Per frame and class: TP, FP, FN, then the truths and the hits of
/// each recall slice. A resample's counts are these rows summed with the frame weights.
/// </summary>
internal sealed class OperatingPointFrames
{
    public const int TruePositive = 0;
    public const int FalsePositive = 1;
    public const int FalseNegative = 2;
    public const int SliceTruths = 3;
    public const int SliceHits = SliceTruths + TruthSlices.Count;
    public const int PerClass = SliceHits + TruthSlices.Count;

    private readonly int[] _counts;

    private OperatingPointFrames(int frames, int classes, int[] counts)
    {
        Frames = frames;
        Classes = classes;
        _counts = counts;
    }

    public int Frames { get; }

    public int Classes { get; }

    /// <summary>Counts per frame row: <see cref="PerClass"/> per class.</summary>
    public int Width => Classes * PerClass;

    public ReadOnlySpan<int> Row(int frame) => _counts.AsSpan(frame * Width, Width);

    public static OperatingPointFrames Create(int classes, IReadOnlyList<IReadOnlyList<TruthBox>> truth, IReadOnlyList<IReadOnlyList<Detection>> detections)
    {
        var accumulator = new OperatingPointAccumulator(classes);
        var width = classes * PerClass;
        var counts = new int[truth.Count * width];
        var previous = new long[width];
        var totals = new long[width];
        for (var i = 0; i < truth.Count; i++)
        {
            accumulator.Add(truth[i], detections[i]);
            Totals(accumulator, classes, totals);
            for (var m = 0; m < width; m++)
            {
                counts[(i * width) + m] = checked((int)(totals[m] - previous[m]));
            }

            (previous, totals) = (totals, previous);
        }

        return new OperatingPointFrames(truth.Count, classes, counts);
    }

    private static void Totals(OperatingPointAccumulator accumulator, int classes, Span<long> totals)
    {
        for (var c = 0; c < classes; c++)
        {
            var row = totals.Slice(c * PerClass, PerClass);
            row[TruePositive] = accumulator.TruePositives[c];
            row[FalsePositive] = accumulator.FalsePositives[c];
            row[FalseNegative] = accumulator.FalseNegatives[c];
            accumulator.SliceTruths.Slice(c * TruthSlices.Count, TruthSlices.Count).CopyTo(row[SliceTruths..]);
            accumulator.SliceHits.Slice(c * TruthSlices.Count, TruthSlices.Count).CopyTo(row[SliceHits..]);
        }
    }
}
