using Harness.Metrics.Bootstrap;

namespace Harness.Metrics.Families.Streaming;

/// <summary>
/// Accuracy at the speed the model runs (streaming AP, Li, Wang and Ramanan, "Towards Streaming Perception", ECCV 2020):
/// the clip replayed at its recorded times through one model with the latency the scenario declares for its target
/// hardware (<see cref="StreamingProfile"/>), each frame's truth scored against the latest output finished by then
/// (<see cref="StreamingSchedule"/>), a frame with none yet having all its objects missed. <c>streaming/AP</c> and
/// <c>streaming/AP50</c>, pooled and per class, are pycocotools' AP and AP50 of those pairs, computed by the COCO
/// evaluator and resampled by the COCO scorer. Support: the truth objects, of the class for per-class metrics. A
/// scenario without <c>streaming:</c> has none of these metrics.
/// </summary>
internal sealed class StreamingFamily : MetricFamily
{
    public const string Root = "streaming";

    /// <summary>The COCO statistics streamed, at their positions in <see cref="Coco.CocoStats.Names"/>.</summary>
    public static IReadOnlyList<string> Stats { get; } = ["AP", "AP50"];

    public override IReadOnlyList<string> Roots { get; } = [Root];

    public override string Unit(string metric) => "proportion";

    public override IReadOnlyList<UngatedAllowance> Ungated { get; } = [new(Root + "/", 0.01, Relative: false)];

    /// <summary>Slot of statistic <paramref name="stat"/> of <see cref="Stats"/>, pooled.</summary>
    public static int Pooled(int stat) => stat;

    /// <summary>Slot of statistic <paramref name="stat"/> of <see cref="Stats"/> for class <paramref name="category"/>.</summary>
    public static int PerClass(int stat, int category) => Stats.Count * (1 + category) + stat;

    public override IEnumerable<string> Names(IReadOnlyList<string> classNames) =>
    [
        .. Stats.Select(Name),
        .. classNames.SelectMany(name => Stats.Select(stat => MetricNames.PerClass(Name(stat), name))),
    ];

    public override string? Problem(string metric, IReadOnlyList<string> parts, IReadOnlyList<string>? classNames)
    {
        if (parts.Count is < 2 or > 3)
        {
            return MetricNameCheck.Form(metric, $"{Root}/<statistic>, {Root}/<statistic>/<class>");
        }

        if (!Stats.Contains(parts[1], StringComparer.Ordinal))
        {
            return MetricNameCheck.Unknown("streaming statistic", parts[1], metric, Stats);
        }

        return parts.Count == 3 ? MetricNameCheck.Class(parts[2], metric, classNames) : null;
    }

    public override FamilyAccumulator CreateAccumulator(MetricsOptions options) => new StreamingAccumulator(options);

    public override IResampleScorer CreateScorer(ResampleInput input) => new StreamingScorer(input);

    public static string Name(string stat) => $"{Root}/{stat}";
}
