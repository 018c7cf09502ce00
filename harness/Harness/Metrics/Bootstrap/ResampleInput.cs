namespace Harness.Metrics.Bootstrap;

/// <summary>
/// One run as the families' resample scorers read it: its frames and their times, the units every box belongs to, the
/// weights of every lane and, when its scenario declares one, the target hardware the streaming metrics replay it on.
/// Matching that several families count from (the operating point's, read by the rates, the slices and the matched
/// IoU) is made once per run through <see cref="Shared{T}"/>.
/// </summary>
internal sealed class ResampleInput
{
    private readonly Dictionary<Type, object> _shared = [];

    private ResampleInput(IReadOnlyList<string> classNames, IReadOnlyList<IReadOnlyList<TruthBox>> truth, IReadOnlyList<IReadOnlyList<Detection>> detections,
        IReadOnlyList<long> timestampsNs, ResamplingUnits units, UnitWeights weights, bool vectorized, StreamingProfile? streaming)
    {
        ClassNames = classNames;
        Truth = truth;
        Detections = detections;
        TimestampsNs = timestampsNs;
        Units = units;
        Weights = weights;
        Vectorized = vectorized;
        Streaming = streaming;
    }

    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Per frame, in model class ids (ignore regions as the accumulators read them).</summary>
    public IReadOnlyList<IReadOnlyList<TruthBox>> Truth { get; }

    public IReadOnlyList<IReadOnlyList<Detection>> Detections { get; }

    /// <summary>When each frame was recorded, increasing.</summary>
    public IReadOnlyList<long> TimestampsNs { get; }

    public ResamplingUnits Units { get; }

    public UnitWeights Weights { get; }

    /// <summary>False for the scalar reference path the tests compare the vector kernels with.</summary>
    public bool Vectorized { get; }

    /// <summary>The scenario's target hardware for the streaming metrics; null when it declares none (they are then undefined).</summary>
    public StreamingProfile? Streaming { get; }

    /// <exception cref="ArgumentOutOfRangeException">A detection's class id is not an index into the class names.</exception>
    /// <exception cref="ArgumentException">The boxes, weighted by the largest draw, exceed what the scorers count exactly.</exception>
    public static ResampleInput Create(IReadOnlyList<string> classNames, IReadOnlyList<IReadOnlyList<TruthBox>> truth,
        IReadOnlyList<IReadOnlyList<Detection>> detections, IReadOnlyList<long> timestampsNs, ResamplingUnits units, UnitWeights weights, bool vectorized,
        StreamingProfile? streaming)
    {
        // Truth boxes (a class-agnostic ignore region once per class, as COCO counts it) and detections: no count of a
        // resample exceeds this times the largest weight.
        long boxes = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(truth[i], nameof(truth));
            ArgumentNullException.ThrowIfNull(detections[i], nameof(detections));
            for (var d = 0; d < detections[i].Count; d++)
            {
                var classId = detections[i][d].ClassId;
                if ((uint)classId >= (uint)classNames.Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(detections), classId,
                        $"Detection class id {classId} in frame {i} is outside the scenario's {classNames.Count} classes.");
                }
            }

            boxes += ((long)truth[i].Count * Math.Max(1, classNames.Count)) + detections[i].Count;
        }

        // Counts are summed in floats, exact for integers below 2^24.
        if (boxes * (double)weights.Largest >= 1 << 24)
        {
            throw new ArgumentException(
                $"{truth.Count} frames with {boxes} boxes, some drawn {weights.Largest} times, exceed the bootstrap's exact counting range (2^24 per resample).",
                nameof(truth));
        }

        return new ResampleInput(classNames, truth, detections, timestampsNs, units, weights, vectorized, streaming);
    }

    /// <summary>The one <typeparamref name="T"/> of this run, made by <paramref name="create"/> the first time a family asks.</summary>
    public T Shared<T>(Func<ResampleInput, T> create)
        where T : class
    {
        if (!_shared.TryGetValue(typeof(T), out var made))
        {
            made = create(this);
            _shared[typeof(T)] = made;
        }

        return (T)made;
    }
}
