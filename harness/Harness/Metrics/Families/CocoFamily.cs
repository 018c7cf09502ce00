using Harness.Metrics.Bootstrap;
using Harness.Metrics.Coco;

namespace Harness.Metrics.Families;

/// <summary>
/// pycocotools' twelve summary statistics (<c>coco/AP</c> ... <c>coco/AR_large</c>) and per class <c>coco/AP</c> and
/// <c>coco/AP50</c>, computed by <see cref="CocoEvaluator"/> over the whole run and by <see cref="CocoResampleScorer"/>
/// in every resample. Support: the truth objects of the statistic's area range, or of the class.
/// </summary>
internal sealed class CocoFamily : MetricFamily
{
    private const string Root = "coco";

    /// <summary>The COCO statistics that also exist per class (<c>coco/AP/car</c>).</summary>
    private static readonly string[] PerClassStats = ["AP", "AP50"];

    public override IReadOnlyList<string> Roots { get; } = [Root];

    public override string Unit(string metric) => "proportion";

    public override IReadOnlyList<UngatedAllowance> Ungated { get; } = [new("coco/", 0.01, Relative: false)];

    /// <summary>Slot of statistic <paramref name="stat"/> of <see cref="CocoStats.Names"/>.</summary>
    public static int Stat(int stat) => stat;

    public static int ClassAP(int category) => CocoStats.Names.Count + (2 * category);

    public static int ClassAP50(int category) => ClassAP(category) + 1;

    public override IEnumerable<string> Names(IReadOnlyList<string> classNames)
    {
        foreach (var stat in CocoStats.Names)
        {
            yield return MetricNames.Coco(stat);
        }

        foreach (var name in classNames)
        {
            yield return MetricNames.Coco("AP", name);
            yield return MetricNames.Coco("AP50", name);
        }
    }

    public override string? Problem(string metric, IReadOnlyList<string> parts, IReadOnlyList<string>? classNames)
    {
        const string forms = "coco/<statistic>, coco/AP/<class>, coco/AP50/<class>";
        if (parts.Count is < 2 or > 3)
        {
            return MetricNameCheck.Form(metric, forms);
        }

        if (!CocoStats.Names.Contains(parts[1], StringComparer.Ordinal))
        {
            return MetricNameCheck.Unknown("COCO statistic", parts[1], metric, CocoStats.Names);
        }

        if (parts.Count == 2)
        {
            return null;
        }

        return PerClassStats.Contains(parts[1], StringComparer.Ordinal)
            ? MetricNameCheck.Class(parts[2], metric, classNames)
            : MetricNameCheck.Unknown("per-class COCO statistic", parts[1], metric, PerClassStats);
    }

    public override FamilyAccumulator CreateAccumulator(MetricsOptions options) => new Accumulator(options.ClassNames);

    public override IResampleScorer CreateScorer(ResampleInput input)
    {
        var coco = new CocoClipAccumulator(input.ClassNames);
        var detectionUnits = new List<int>();
        for (var i = 0; i < input.Truth.Count; i++)
        {
            for (var d = 0; d < input.Detections[i].Count; d++)
            {
                detectionUnits.Add(input.Units.DetectionUnit(i, input.Detections[i][d], input.Truth[i]));
            }

            coco.Add(input.Truth[i], input.Detections[i]);
        }

        var matched = coco.CreateInput();
        var annotationUnits = coco.AnnotationSources.Select(source => input.Units.TruthUnit(source.Frame, source.Truth)).ToArray();
        var attributed = detectionUnits.ToArray();
        var matcher = new CocoCategoryMatcher(matched);
        var categories = new CocoCategoryTimeline[matched.CategoryIds.Length];
        for (var k = 0; k < categories.Length; k++)
        {
            categories[k] = CocoCategoryTimeline.Create(matcher.Match(k), matched, k, input.Units.Count, annotationUnits, attributed);
        }

        return new CocoResampleScorer(categories, input.Weights, input.Vectorized);
    }

    private sealed class Accumulator(IReadOnlyList<string> classNames) : FamilyAccumulator
    {
        private readonly CocoClipAccumulator _coco = new(classNames);

        public override void Add(IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections) => _coco.Add(truth, detections);

        public override void Write(IDictionary<string, double> values, IDictionary<string, CocoPrecisionCurve> curves) =>
            CocoClipAccumulator.Write(_coco.Evaluate(), classNames, values, curves);
    }
}
