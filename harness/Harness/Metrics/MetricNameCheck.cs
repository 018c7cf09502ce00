using System.Globalization;
using Harness.Metrics.Bootstrap;
using Harness.Metrics.Coco;

namespace Harness.Metrics;

/// <summary>
/// Whether a metric name (a scenario gate's <c>metric:</c>) is one that a run over the given classes produces, and
/// if not, which part of it is wrong and what exists in its place. The valid names are exactly those the
/// accumulators write: <see cref="MetricLayout"/> for the quality metrics, the latency stages and percentiles and
/// the throughput of <see cref="MetricNames"/>.
/// </summary>
internal static class MetricNameCheck
{
    private const string CocoFamily = "coco";
    private const string LatencyFamily = "latency";
    private const string ThroughputFamily = "throughput";

    private static readonly string[] Rates = [MetricNames.Precision, MetricNames.Recall, MetricNames.F1];

    /// <summary>The COCO statistics that also exist per class (<c>coco/AP/car</c>).</summary>
    private static readonly string[] PerClassCocoStats = ["AP", "AP50"];

    private static readonly string[] Families =
        [CocoFamily, .. Rates, MetricNames.FalsePositivesPerFrame, LatencyFamily, ThroughputFamily];

    /// <summary>Every metric name a run over <paramref name="classNames"/> can produce.</summary>
    public static IReadOnlySet<string> KnownNames(IReadOnlyList<string> classNames)
    {
        var names = new HashSet<string>(new MetricLayout(classNames).Names, StringComparer.Ordinal)
        {
            MetricNames.LatencyP99,
            MetricNames.ThroughputFps,
        };
        foreach (var stage in MetricNames.LatencyStages)
        {
            foreach (var percentile in MetricNames.LatencyPercentiles)
            {
                names.Add(MetricNames.Latency(stage, percentile));
            }
        }

        return names;
    }

    /// <summary>
    /// Null when <paramref name="metric"/> names a metric; otherwise one sentence naming the wrong part and listing
    /// what exists there. Without <paramref name="classNames"/> (unknown because the model section is broken), class
    /// names are not checked.
    /// </summary>
    public static string? Problem(string metric, IReadOnlyList<string>? classNames)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (classNames is not null && KnownNames(classNames).Contains(metric))
        {
            return null;
        }

        var parts = metric.Split('/');
        var problem = parts[0] switch
        {
            CocoFamily => Coco(metric, parts, classNames),
            MetricNames.Precision or MetricNames.Recall or MetricNames.F1 => Rate(metric, parts, classNames),
            LatencyFamily => Latency(metric, parts),
            MetricNames.FalsePositivesPerFrame => Exactly(metric, MetricNames.FalsePositivesPerFrame),
            ThroughputFamily => Exactly(metric, MetricNames.ThroughputFps),
            _ => FamilyProblem(metric),
        };
        return problem ?? (classNames is null ? null : $"'{metric}' is not a metric (docs/metrics.md lists them)");
    }

    /// <summary>
    /// Null when the first part of <paramref name="prefix"/> (a <c>defaults.yaml</c> rule's <c>family</c>, matched as a
    /// name prefix) is a metric family; otherwise the message listing the families.
    /// </summary>
    public static string? FamilyProblem(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var family = prefix.Split('/')[0];
        return Families.Contains(family, StringComparer.Ordinal) ? null : Unknown("metric family", family, prefix, Families);
    }

    private static string? Coco(string metric, string[] parts, IReadOnlyList<string>? classNames)
    {
        const string forms = "coco/<statistic>, coco/AP/<class>, coco/AP50/<class>";
        if (parts.Length is < 2 or > 3)
        {
            return Form(metric, forms);
        }

        if (!CocoStats.Names.Contains(parts[1], StringComparer.Ordinal))
        {
            return Unknown("COCO statistic", parts[1], metric, CocoStats.Names);
        }

        if (parts.Length == 2)
        {
            return null;
        }

        return PerClassCocoStats.Contains(parts[1], StringComparer.Ordinal)
            ? Class(parts[2], metric, classNames)
            : Unknown("per-class COCO statistic", parts[1], metric, PerClassCocoStats);
    }

    private static string? Rate(string metric, string[] parts, IReadOnlyList<string>? classNames)
    {
        var forms = $"{parts[0]}, {parts[0]}/<class>, {MetricNames.Recall}/<class>/<slice>";
        if (parts.Length > 3)
        {
            return Form(metric, forms);
        }

        if (parts.Length == 1)
        {
            return null;
        }

        if (Class(parts[1], metric, classNames) is { } problem)
        {
            return problem;
        }

        if (parts.Length == 2)
        {
            return null;
        }

        if (parts[0] != MetricNames.Recall)
        {
            return $"'{metric}': only {MetricNames.Recall} is computed per slice";
        }

        return MetricNames.RecallSlices.Contains(parts[2], StringComparer.Ordinal)
            ? null
            : Unknown("slice", parts[2], metric, MetricNames.RecallSlices);
    }

    private static string? Latency(string metric, string[] parts)
    {
        var forms = $"{MetricNames.LatencyP99}, latency/<stage>/p<percentile>_ms";
        if (parts.Length == 2)
        {
            return parts[1] == MetricNames.LatencyP99[(LatencyFamily.Length + 1)..] ? null : Form(metric, forms);
        }

        if (parts.Length != 3)
        {
            return Form(metric, forms);
        }

        if (!MetricNames.LatencyStages.Contains(parts[1], StringComparer.Ordinal))
        {
            return Unknown("latency stage", parts[1], metric, MetricNames.LatencyStages);
        }

        var percentiles = MetricNames.LatencyPercentiles.Select(p => string.Create(CultureInfo.InvariantCulture, $"p{p}_ms")).ToList();
        return percentiles.Contains(parts[2], StringComparer.Ordinal) ? null : Unknown("latency percentile", parts[2], metric, percentiles);
    }

    private static string? Class(string className, string metric, IReadOnlyList<string>? classNames) =>
        classNames is null || classNames.Contains(className, StringComparer.Ordinal)
            ? null
            : Unknown("class", className, metric, classNames);

    private static string Unknown(string what, string value, string metric, IEnumerable<string> allowed) =>
        $"unknown {what} '{value}' in '{metric}' (expected one of: {string.Join(", ", allowed)})";

    private static string? Exactly(string metric, string only) => metric == only ? null : Form(metric, only);

    private static string Form(string metric, string forms) => $"'{metric}' does not have the form {forms}";
}
