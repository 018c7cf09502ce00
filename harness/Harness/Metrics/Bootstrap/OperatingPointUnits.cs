namespace Harness.Metrics.Bootstrap;

/// <summary>
/// The operating-point counts of every resampling unit: each frame matched once with the accumulator's own matcher
/// and counting rules (<see cref="OperatingPointCounts"/>), each count added to the row of the unit its box belongs to
/// (a true positive or a miss to its truth's, a false positive to the one <see cref="ResamplingUnits.DetectionUnit"/>
/// gives it). A resample's counts are these rows summed with the unit weights.
/// </summary>
internal sealed class OperatingPointUnits
{
    private readonly int[] _counts;

    private OperatingPointUnits(int units, int frames, int classes, int[] counts)
    {
        Units = units;
        Frames = frames;
        Classes = classes;
        _counts = counts;
    }

    public int Units { get; }

    /// <summary>The clip's frames: every resample draws this many, which <c>fp_per_frame</c> divides by.</summary>
    public int Frames { get; }

    public int Classes { get; }

    /// <summary>Counts per unit row: <see cref="OperatingPointCounts.PerClass"/> per class.</summary>
    public int Width => Classes * OperatingPointCounts.PerClass;

    public ReadOnlySpan<int> Row(int unit) => _counts.AsSpan(unit * Width, Width);

    /// <summary>The run's units, matched once however many families count from them.</summary>
    public static OperatingPointUnits Of(ResampleInput input) =>
        input.Shared(run => Create(run.ClassNames.Count, run.Truth, run.Detections, run.Units));

    /// <summary>
    /// Fields <paramref name="fields"/> of every class's row summed with the unit weights, a chunk of lanes at a time
    /// (at most <see cref="CocoResampleScorer.ChunkLanes"/>): <paramref name="chunk"/> gets the sums, the chunk's
    /// width, its first lane and its lane count, and reads field f (counted from the range's start) of class c at
    /// <c>sums[((c * fieldCount) + f) * width + lane]</c>.
    /// </summary>
    public void SumByChunk(UnitWeights weights, Range fields, bool vectorized, Action<float[], int, int, int> chunk)
    {
        var (first, count) = fields.GetOffsetAndLength(OperatingPointCounts.PerClass);
        var width = Math.Min(CocoResampleScorer.ChunkLanes, weights.Lanes);
        var sums = new float[Classes * count * width];
        var cellWeights = new float[width];
        for (var start = 0; start < weights.Lanes; start += width)
        {
            var lanes = Math.Min(width, weights.Lanes - start);
            Array.Clear(sums);
            for (var u = 0; u < Units; u++)
            {
                var row = Row(u);
                var unitWeights = weights.Row(u, start, lanes, cellWeights);
                for (var c = 0; c < Classes; c++)
                {
                    var fieldsOfClass = row.Slice((c * OperatingPointCounts.PerClass) + first, count);
                    for (var f = 0; f < count; f++)
                    {
                        if (fieldsOfClass[f] != 0)
                        {
                            WeightKernels.MultiplyAdd(sums.AsSpan(((c * count) + f) * width, lanes), unitWeights, fieldsOfClass[f], vectorized);
                        }
                    }
                }
            }

            chunk(sums, width, start, lanes);
        }
    }

    public static OperatingPointUnits Create(int classes, IReadOnlyList<IReadOnlyList<TruthBox>> truth, IReadOnlyList<IReadOnlyList<Detection>> detections,
        ResamplingUnits units)
    {
        var matcher = new OperatingPointMatcher();
        var slices = new bool[TruthSlices.Count];
        var counts = new int[units.Count * classes * OperatingPointCounts.PerClass];
        for (var f = 0; f < truth.Count; f++)
        {
            matcher.Match(truth[f], detections[f]);
            var sink = new UnitRows(counts, classes * OperatingPointCounts.PerClass, units, f, truth[f], detections[f]);
            OperatingPointCounts.Visit(matcher, truth[f], detections[f], classes, slices, ref sink);
        }

        return new OperatingPointUnits(units.Count, truth.Count, classes, counts);
    }

    private readonly struct UnitRows(int[] counts, int width, ResamplingUnits units, int frame, IReadOnlyList<TruthBox> truth,
        IReadOnlyList<Detection> detections) : OperatingPointCounts.ISink
    {
        public void Count(int classId, int field, int box)
        {
            var unit = field == OperatingPointCounts.FalsePositive
                ? units.DetectionUnit(frame, detections[box], truth)
                : units.TruthUnit(frame, box);
            counts[(unit * width) + (classId * OperatingPointCounts.PerClass) + field]++;
        }
    }
}
