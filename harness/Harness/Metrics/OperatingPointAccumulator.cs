using Harness.Metrics.Coco;
using Harness.Metrics.Families;

namespace Harness.Metrics;

/// <summary>
/// Counts at the operating point (detections already score-thresholded), as <see cref="OperatingPointCounts"/> reads
/// them from <see cref="OperatingPointMatcher"/>'s results, for the family <paramref name="fields"/> selects: per
/// class, counts <c>[first, first + count)</c> of each class's row. The operating point's rates keep the true and
/// false positives and the misses, the recall slices their truths and hits. Nothing is allocated per frame once the
/// matcher's buffers have grown.
/// </summary>
internal sealed class OperatingPointAccumulator(int classes, Range fields, Action<OperatingPointAccumulator.Totals, IDictionary<string, double>> write)
    : FamilyAccumulator
{
    private readonly OperatingPointMatcher _matcher = new();
    private readonly long[] _counts = new long[classes * OperatingPointCounts.PerClass];
    private readonly bool[] _slices = new bool[TruthSlices.Count];
    private long _frames;

    public override void Add(IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        _frames++;
        _matcher.Match(truth, detections);
        var sink = new Sink(_counts, fields.Start.Value, fields.End.Value);
        OperatingPointCounts.Visit(_matcher, truth, detections, classes, _slices, ref sink);
    }

    public override void Write(IDictionary<string, double> values, IDictionary<string, CocoPrecisionCurve> curves) =>
        write(new Totals(_counts, classes, _frames), values);

    /// <summary>What a run counted: one row of <see cref="OperatingPointCounts.PerClass"/> per class (fields outside the family's left 0), and its frames.</summary>
    internal readonly struct Totals(long[] counts, int classes, long frames)
    {
        public int Classes => classes;

        public long Frames => frames;

        public ReadOnlySpan<long> Row(int classId) => counts.AsSpan(classId * OperatingPointCounts.PerClass, OperatingPointCounts.PerClass);
    }

    private readonly struct Sink(long[] counts, int first, int end) : OperatingPointCounts.ISink
    {
        public void Count(int classId, int field, int box)
        {
            if (field >= first && field < end)
            {
                counts[(classId * OperatingPointCounts.PerClass) + field]++;
            }
        }
    }
}
