using Harness.Metrics.Bootstrap;
using Harness.Metrics.Tide;

namespace Harness.Metrics.Families.Tide;

/// <summary>
/// TIDE's error breakdown (docs/metrics.md, "TIDE error breakdown"): per error type the AP50 its oracle would add back,
/// pooled over the classes with truth (<c>tide/&lt;type&gt;</c>) and per class (<c>tide/&lt;type&gt;/&lt;class&gt;</c>),
/// where the type is one of cls, loc, both, dupe, bkg, miss, fp, fn. A dAP is AP lost, so lower is better; it lies in
/// [0, 1]. Support: the truth objects, as for <c>coco/AP50</c>. No gate names them by default: they say where a change
/// of <c>coco/AP50</c> came from, and warn when a type costs 0.02 more.
/// </summary>
internal sealed class TideFamily : MetricFamily
{
    public const string Root = "tide";

    public override IReadOnlyList<string> Roots { get; } = [Root];

    public override string Unit(string metric) => "AP lost";

    public override bool HigherIsBetter(string metric) => false;

    public override IReadOnlyList<UngatedAllowance> Ungated { get; } = [new(Root + "/", 0.02, Relative: false)];

    /// <summary>The slot of error <paramref name="error"/> pooled (<paramref name="scope"/> 0) or of class scope - 1.</summary>
    public static int Slot(TideError error, int scope, int classes) => ((int)error * (1 + classes)) + scope;

    public static string Name(TideError error) => MetricNames.PerClass(Root, TideNames.Of(error));

    public override IEnumerable<string> Names(IReadOnlyList<string> classNames) =>
        TideNames.Errors.SelectMany(error => (IEnumerable<string>)[Name(error), .. classNames.Select(name => MetricNames.PerClass(Name(error), name))]);

    public override string? Problem(string metric, IReadOnlyList<string> parts, IReadOnlyList<string>? classNames)
    {
        if (parts.Count is < 2 or > 3)
        {
            return MetricNameCheck.Form(metric, $"{Root}/<type>, {Root}/<type>/<class>");
        }

        if (!TideNames.All.Contains(parts[1], StringComparer.Ordinal))
        {
            return MetricNameCheck.Unknown("TIDE error type", parts[1], metric, TideNames.All);
        }

        return parts.Count == 3 ? MetricNameCheck.Class(parts[2], metric, classNames) : null;
    }

    public override FamilyAccumulator CreateAccumulator(MetricsOptions options) => new TideAccumulator(options.ClassNames);

    public override IResampleScorer CreateScorer(ResampleInput input) => new TideScorer(input);
}
