namespace Harness.Metrics.Bootstrap;

/// <summary>
/// One run as the families' resample scorers read it: its frames, the units every box belongs to and the weights of
/// every lane. Matching that several families count from (the operating point's, read by the rates, the slices and the
/// matched IoU) is made once per run through <see cref="Shared{T}"/>.
/// </summary>
internal sealed class ResampleInput
{
    private readonly Dictionary<Type, object> _shared = [];

    private ResampleInput(IReadOnlyList<string> classNames, IReadOnlyList<IReadOnlyList<TruthBox>> truth, IReadOnlyList<IReadOnlyList<Detection>> detections,
        ResamplingUnits units, UnitWeights weights, bool vectorized, long boxes)
    {
        ClassNames = classNames;
        Truth = truth;
        Detections = detections;
        Units = units;
        Weights = weights;
        Vectorized = vectorized;
        Boxes = boxes;
    }

    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Per frame, in model class ids (ignore regions as the accumulators read them).</summary>
    public IReadOnlyList<IReadOnlyList<TruthBox>> Truth { get; }

    public IReadOnlyList<IReadOnlyList<Detection>> Detections { get; }

    public ResamplingUnits Units { get; }

    public UnitWeights Weights { get; }

    /// <summary>False for the scalar reference path the tests compare the vector kernels with.</summary>
    public bool Vectorized { get; }

    /// <summary>
    /// Truth boxes (a class-agnostic ignore region once per class, as COCO counts it) and detections: no count of a
    /// resample exceeds this times the largest weight.
    /// </summary>
    public long Boxes { get; }

    /// <exception cref="ArgumentOutOfRangeException">A detection's class id is not an index into the class names.</exception>
    public static ResampleInput Create(IReadOnlyList<string> classNames, IReadOnlyList<IReadOnlyList<TruthBox>> truth,
        IReadOnlyList<IReadOnlyList<Detection>> detections, ResamplingUnits units, UnitWeights weights, bool vectorized)
    {
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

        return new ResampleInput(classNames, truth, detections, units, weights, vectorized, boxes);
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
