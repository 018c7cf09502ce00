using Harness.Metrics.Bootstrap;

namespace Harness.Metrics.Families;

/// <summary>
/// One family of metrics and everything the harness needs to know about it, in one place: the names it writes (a root
/// such as <c>coco</c>, then classes and slices), what they mean to a gate (direction, unit, the values they can take,
/// whether they time the machine rather than judge the model), how a gate's metric name is checked against them, the
/// rule for its metrics when no gate names them, and the two things that compute it: an accumulator fed frame by frame
/// during the replay and, for quality metrics, a scorer that recomputes every metric in every bootstrap resample.
/// A family is registered in <see cref="MetricFamilies"/>; the name check, the bootstrap layout, the built-in gate
/// defaults, directions and ranges are all read from there (docs/extending.md shows a worked example).
/// </summary>
internal abstract class MetricFamily
{
    /// <summary>The first parts of the names it writes (<c>coco</c>; <c>precision@0.5</c>, ...), as <c>defaults.yaml</c> families name them.</summary>
    public abstract IReadOnlyList<string> Roots { get; }

    /// <summary>Timing families measure the machine: never compared with a baseline unless a gate names them, no interval.</summary>
    public virtual bool IsTiming => false;

    /// <summary>What one unit of <paramref name="metric"/> is, for docs and reports (<c>proportion</c>, <c>ms</c>, ...).</summary>
    public abstract string Unit(string metric);

    /// <summary>Whether a larger value of <paramref name="metric"/> is better.</summary>
    public virtual bool HigherIsBetter(string metric) => true;

    /// <summary>The values <paramref name="metric"/> can take; a change interval never reaches past them.</summary>
    public virtual (double Min, double Max) Range(string metric) => (0, 1);

    /// <summary>
    /// Whether a name whose first part is one of <see cref="Roots"/> is this family's, for two families that share a
    /// root (the recall slices share <c>recall@0.5</c> with the operating point and take the three-part names).
    /// </summary>
    public virtual bool Claims(IReadOnlyList<string> parts) => true;

    /// <summary>Every name a run over <paramref name="classNames"/> can write, in the order of its bootstrap slots.</summary>
    public abstract IEnumerable<string> Names(IReadOnlyList<string> classNames);

    /// <summary>
    /// Null when <paramref name="metric"/> (split into <paramref name="parts"/>, claimed by this family) is well formed;
    /// otherwise one sentence naming the wrong part and what exists there. Class names are checked only when
    /// <paramref name="classNames"/> is known (<see cref="MetricNameCheck.Class"/>).
    /// </summary>
    public abstract string? Problem(string metric, IReadOnlyList<string> parts, IReadOnlyList<string>? classNames);

    /// <summary>The built-in rules for this family's metrics when no gate names them (docs/gating.md, "Ungated metrics").</summary>
    public virtual IReadOnlyList<UngatedAllowance> Ungated => [];

    /// <summary>A fresh accumulator for one run.</summary>
    public abstract FamilyAccumulator CreateAccumulator(MetricsOptions options);

    /// <summary>
    /// The scorer of one run's resamples, writing the values of <see cref="Names"/> in order into its slots; null only
    /// for a timing family, which gets no interval. <see cref="MetricFamilies"/>' tests hold every quality family to
    /// reproducing its accumulator in the full sample.
    /// </summary>
    public abstract IResampleScorer? CreateScorer(ResampleInput input);
}
