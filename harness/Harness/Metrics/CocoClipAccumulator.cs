using Harness.Metrics.Coco;

namespace Harness.Metrics;

/// <summary>
/// Collects a clip as a COCO dataset (frame n is image n, class id is category id) for one COCO evaluation at the
/// end. Truth area is width * height. An ignore truth becomes a crowd annotation, because pycocotools only honours
/// iscrowd (it overwrites the ignore field); a class-agnostic ignore region (negative class id) becomes one per class.
/// Truth of classes outside the class list is not evaluated.
/// </summary>
internal sealed class CocoClipAccumulator(IReadOnlyList<string> classNames)
{
    private readonly List<CocoAnnotation> _annotations = [];
    private readonly List<(int Frame, int Truth)> _annotationSources = [];
    private readonly List<CocoDetection> _detections = [];
    private long _frames;

    /// <summary>
    /// For annotation g of <see cref="CreateInput"/>, the frame and the position in that frame's truth list of the box
    /// it came from; detections are in frame order, each frame's in the order given.
    /// </summary>
    public IReadOnlyList<(int Frame, int Truth)> AnnotationSources => _annotationSources;

    public void Add(IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        var image = _frames++;
        for (var t = 0; t < truth.Count; t++)
        {
            var box = truth[t];
            if (box.Ignore && box.ClassId < 0)
            {
                for (var c = 0; c < classNames.Count; c++)
                {
                    _annotations.Add(ToAnnotation(image, c, box));
                    _annotationSources.Add(((int)image, t));
                }
            }
            else if (box.ClassId >= 0 && box.ClassId < classNames.Count)
            {
                _annotations.Add(ToAnnotation(image, box.ClassId, box));
                _annotationSources.Add(((int)image, t));
            }
        }

        for (var i = 0; i < detections.Count; i++)
        {
            var d = detections[i];
            _detections.Add(new CocoDetection(image, d.ClassId, d.X1, d.Y1, (double)d.X2 - d.X1, (double)d.Y2 - d.Y1, d.Score));
        }
    }

    public CocoEvaluationResult Evaluate() => CocoEvaluator.Evaluate(GroundTruth(), _detections);

    /// <summary>The evaluation's resolved input, for callers that match once and accumulate many times (the bootstrap).</summary>
    public CocoInput CreateInput() => CocoInput.Create(GroundTruth(), _detections);

    public static void Write(CocoEvaluationResult result, IReadOnlyList<string> classNames, IDictionary<string, double> values,
        IDictionary<string, CocoPrecisionCurve> curves)
    {
        foreach (var (stat, value) in result.Stats.ToNamedValues())
        {
            AddDefined(values, MetricNames.Coco(stat), value);
        }

        for (var c = 0; c < classNames.Count; c++)
        {
            AddDefined(values, MetricNames.Coco("AP", classNames[c]), result.PerCategoryAP[c]);
            AddDefined(values, MetricNames.Coco("AP50", classNames[c]), result.PerCategoryAP50[c]);
            if (result.PerCategoryAP50[c] > -1)
            {
                curves[classNames[c]] = result.PrecisionCurves[c];
            }
        }
    }

    private CocoGroundTruth GroundTruth()
    {
        var images = new long[_frames];
        for (var i = 0; i < images.Length; i++)
        {
            images[i] = i;
        }

        var categories = new CocoCategory[classNames.Count];
        for (var c = 0; c < categories.Length; c++)
        {
            categories[c] = new CocoCategory(c, classNames[c]);
        }

        return new CocoGroundTruth(images, categories, _annotations);
    }

    private static CocoAnnotation ToAnnotation(long image, int category, TruthBox box)
    {
        var area = (double)box.Width * box.Height;
        return new CocoAnnotation(image, category, box.X, box.Y, box.Width, box.Height, area, IsCrowd: box.Ignore, Ignore: box.Ignore);
    }

    private static void AddDefined(IDictionary<string, double> values, string name, double value)
    {
        if (value > -1)
        {
            values[name] = value;
        }
    }
}
