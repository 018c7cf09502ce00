using Harness.Metrics.Families;

namespace Harness.Metrics;

/// <summary>
/// Whether a metric name (a scenario gate's <c>metric:</c>) is one that a run over the given classes produces, and
/// if not, which part of it is wrong and what exists in its place. The valid names are exactly those the registered
/// families write (<see cref="MetricFamilies"/>); each family checks its own names' form, and the helpers here word
/// every problem the same way.
/// </summary>
internal static class MetricNameCheck
{
    /// <summary>Every metric name a run over <paramref name="classNames"/> can produce.</summary>
    public static IReadOnlySet<string> KnownNames(IReadOnlyList<string> classNames) =>
        new HashSet<string>(MetricFamilies.All.SelectMany(f => f.Names(classNames)), StringComparer.Ordinal);

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
        var problem = MetricFamilies.Of(parts) is { } family ? family.Problem(metric, parts, classNames) : FamilyProblem(metric);
        return problem ?? (classNames is null ? null : $"'{metric}' is not a metric (docs/metrics.md lists them)");
    }

    /// <summary>
    /// Null when the first part of <paramref name="prefix"/> (a <c>defaults.yaml</c> rule's <c>family</c>, matched as a
    /// name prefix) is a metric family's root; otherwise the message listing the roots.
    /// </summary>
    public static string? FamilyProblem(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var root = prefix.Split('/')[0];
        return MetricFamilies.Roots.Contains(root, StringComparer.Ordinal) ? null : Unknown("metric family", root, prefix, MetricFamilies.Roots);
    }

    /// <summary>Null when <paramref name="className"/> is one of <paramref name="classNames"/> or they are unknown.</summary>
    public static string? Class(string className, string metric, IReadOnlyList<string>? classNames) =>
        classNames is null || classNames.Contains(className, StringComparer.Ordinal)
            ? null
            : Unknown("class", className, metric, classNames);

    public static string Unknown(string what, string value, string metric, IEnumerable<string> allowed) =>
        $"unknown {what} '{value}' in '{metric}' (expected one of: {string.Join(", ", allowed)})";

    /// <summary>Null when <paramref name="metric"/> is <paramref name="only"/>, the one name its family has.</summary>
    public static string? Exactly(string metric, string only) => metric == only ? null : Form(metric, only);

    public static string Form(string metric, string forms) => $"'{metric}' does not have the form {forms}";

    /// <summary>The check of a family whose names are its root pooled over classes or <c>root/&lt;class&gt;</c>.</summary>
    public static string? PooledOrClass(string metric, IReadOnlyList<string> parts, IReadOnlyList<string>? classNames) => parts.Count switch
    {
        1 => null,
        2 => Class(parts[1], metric, classNames),
        _ => Form(metric, $"{parts[0]}, {parts[0]}/<class>"),
    };
}
