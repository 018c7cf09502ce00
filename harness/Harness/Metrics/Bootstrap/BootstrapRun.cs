using Harness.Clips;
using Harness.Metrics.Coco;
using Harness.Postprocessing;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// One run's frames matched once (COCO per category, image, area range and IoU threshold; operating point per frame)
/// and every count tied to its resampling unit, so that every resample only re-accumulates with unit weights.
/// </summary>
internal sealed class BootstrapRun
{
    private BootstrapRun(CocoCategoryTimeline[] categories, OperatingPointUnits operatingPoint, long boxes)
    {
        Categories = categories;
        OperatingPoint = operatingPoint;
        Boxes = boxes;
    }

    public IReadOnlyList<CocoCategoryTimeline> Categories { get; }

    public OperatingPointUnits OperatingPoint { get; }

    /// <summary>
    /// Truth boxes (a class-agnostic ignore region once per class, as COCO counts it) and detections: no count of a
    /// resample exceeds this times the largest weight.
    /// </summary>
    public long Boxes { get; }

    /// <exception cref="ArgumentOutOfRangeException">A detection's class id is not an index into the class names.</exception>
    public static BootstrapRun Create(IReadOnlyList<string> classNames, IReadOnlyList<IReadOnlyList<TruthBox>> truth,
        IReadOnlyList<IReadOnlyList<Detection>> detections, ResamplingUnits units)
    {
        var coco = new CocoClipAccumulator(classNames);
        var detectionUnits = new List<int>();
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

                detectionUnits.Add(units.DetectionUnit(i, detections[i][d], truth[i]));
            }

            boxes += ((long)truth[i].Count * Math.Max(1, classNames.Count)) + detections[i].Count;
            coco.Add(truth[i], detections[i]);
        }

        var input = coco.CreateInput();
        var annotationUnits = coco.AnnotationSources.Select(source => units.TruthUnit(source.Frame, source.Truth)).ToArray();
        var attributed = detectionUnits.ToArray();
        var matcher = new CocoCategoryMatcher(input);
        var categories = new CocoCategoryTimeline[input.CategoryIds.Length];
        for (var k = 0; k < categories.Length; k++)
        {
            categories[k] = CocoCategoryTimeline.Create(matcher.Match(k), input, k, units.Count, annotationUnits, attributed);
        }

        return new BootstrapRun(categories, OperatingPointUnits.Create(classNames.Count, truth, detections, units), boxes);
    }
}
