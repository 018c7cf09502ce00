using Harness.Clips;
using Harness.Metrics.Coco;
using Harness.Postprocessing;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// One run's frames matched once (COCO per category, image, area range and IoU threshold; operating point per frame),
/// so that every resample only re-accumulates with frame weights.
/// </summary>
internal sealed class BootstrapRun
{
    /// <summary>Frame weights and counts are summed in floats, exact for integers below 2^24.</summary>
    private const long FloatExactLimit = 1L << 24;

    private BootstrapRun(int frames, CocoCategoryTimeline[] categories, OperatingPointFrames operatingPoint)
    {
        Frames = frames;
        Categories = categories;
        OperatingPoint = operatingPoint;
    }

    public int Frames { get; }

    public IReadOnlyList<CocoCategoryTimeline> Categories { get; }

    public OperatingPointFrames OperatingPoint { get; }

    /// <exception cref="ArgumentOutOfRangeException">A detection's class id is not an index into the class names.</exception>
    /// <exception cref="ArgumentException">The clip is too large for exact float counts (frames x boxes per frame &gt;= 2^24).</exception>
    public static BootstrapRun Create(IReadOnlyList<string> classNames, IReadOnlyList<IReadOnlyList<TruthBox>> truth,
        IReadOnlyList<IReadOnlyList<Detection>> detections)
    {
        var coco = new CocoClipAccumulator(classNames);
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

            // A resample's count of anything is at most frames x the largest per-frame count, and a class-agnostic
            // ignore region becomes one COCO annotation per class.
            boxes = Math.Max(boxes, ((long)truth[i].Count * Math.Max(1, classNames.Count)) + detections[i].Count);
            coco.Add(truth[i], detections[i]);
        }

        if (boxes * truth.Count >= FloatExactLimit)
        {
            throw new ArgumentException(
                $"{truth.Count} frames with up to {boxes} boxes each exceed the bootstrap's exact counting range (2^24 per resample).",
                nameof(truth));
        }

        var input = coco.CreateInput();
        var matcher = new CocoCategoryMatcher(input);
        var categories = new CocoCategoryTimeline[input.CategoryIds.Length];
        for (var k = 0; k < categories.Length; k++)
        {
            categories[k] = CocoCategoryTimeline.Create(matcher.Match(k));
        }

        return new BootstrapRun(truth.Count, categories, OperatingPointFrames.Create(classNames.Count, truth, detections));
    }
}
