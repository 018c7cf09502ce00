using System.Globalization;
using Harness.Metrics;
using Harness.Scenarios;

namespace Harness.Gate;

/// <summary>
/// Reads <c>waivers.yaml</c> of a baselines folder for one scenario being judged: the waivers in force for it that
/// day. A problem is the error of the scenario its entry names (a missing or unknown key, a bad date or allowance, a
/// metric the scenario cannot produce or an allowance in its wrong direction, a metric waived twice, an expired
/// waiver), or of every scenario when it is the file's (it does not parse, an entry names no scenario or one the suite
/// does not have): all of them are thrown together, each naming the file, the line and the waiver's owner. An entry
/// of another scenario is that scenario's to report.
/// </summary>
internal static class WaiverFileReader
{
    public const string FileName = "waivers.yaml";

    private const string ListKey = "waivers";

    /// <summary>The waivers of <paramref name="scenario"/> in force on <paramref name="today"/>; none without the file.</summary>
    /// <param name="suiteIds">Every scenario id of the suite, those of files that failed to load included; asked for only when an entry names another scenario.</param>
    /// <exception cref="ScenarioValidationException">The file has a problem that is this scenario's or everyone's.</exception>
    public static IReadOnlyList<Waiver> ReadDirectory(string baselinesDirectory, Scenario scenario, DateOnly today, Func<IReadOnlySet<string>> suiteIds)
    {
        var path = Path.Combine(baselinesDirectory, FileName);
        return File.Exists(path) ? Read(YamlDocuments.ReadFile(path, "waiver file"), path, scenario, today, suiteIds) : [];
    }

    /// <inheritdoc cref="ReadDirectory"/>
    public static IReadOnlyList<Waiver> Read(string yaml, string path, Scenario scenario, DateOnly today, Func<IReadOnlySet<string>> suiteIds)
    {
        var errors = new List<ValidationError>();
        var top = new YamlMappingReader(YamlDocuments.LoadMapping(yaml, path), path, "", errors);
        if (!top.Contains(ListKey))
        {
            top.Error(ListKey, "is required (a list of waivers; `waivers: []` when there are none)");
        }

        var entries = top.MappingList(ListKey).ToList();
        top.RejectUnknownKeys();
        var problems = new List<ValidationError>(errors);
        var waivers = new List<Waiver>();
        var firstLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var start = errors.Count;
            var id = entry.String("scenario", required: true);
            var ours = id == scenario.Id;
            if (id is not null && !ours)
            {
                var ids = suiteIds();
                if (ids.Contains(id))
                {
                    continue;
                }

                entry.Error("scenario", $"no scenario has id '{id}' (expected one of: {string.Join(", ", ids.Order(StringComparer.Ordinal))})");
            }

            var draft = ReadEntry(entry, id, ours ? scenario.Model.Classes.EvaluationClasses : null, today);
            if (ours && draft.Metric is { } metric && !firstLines.TryAdd(metric, entry.Line))
            {
                entry.Error("metric", $"'{metric}' is waived twice for '{id}' (first at line {firstLines[metric]})");
            }

            var owner = draft.Owner is { } name ? $" (owner: {name})" : "";
            problems.AddRange(errors[start..].Select(e => e with { Message = e.Message + owner }));
            if (ours && errors.Count == start && draft.Waiver is { } waiver)
            {
                waivers.Add(waiver);
            }
        }

        return problems.Count > 0 ? throw new ScenarioValidationException([.. problems.OrderBy(e => e.Line).ThenBy(e => e.Column)]) : waivers;
    }

    /// <param name="classes">The classes of the scenario the entry names, to check its metric against; null when it names none the suite has.</param>
    private static WaiverDraft ReadEntry(YamlMappingReader entry, string? id, IReadOnlyList<string>? classes, DateOnly today)
    {
        var metric = entry.String("metric", required: true);
        var maxDrop = entry.Tolerance(AllowedChangeKeys.MaxDrop);
        var maxIncrease = entry.Tolerance(AllowedChangeKeys.MaxIncrease);
        var owner = entry.String("owner", required: true);
        var reason = entry.String("reason", required: true);
        var expires = entry.Date("expires", required: true);
        entry.RejectUnknownKeys();

        if (metric is not null && MetricNameCheck.Problem(metric, classes) is { } problem)
        {
            entry.Error("metric", problem);
            metric = null;
        }

        if (!entry.Contains(AllowedChangeKeys.MaxDrop) && !entry.Contains(AllowedChangeKeys.MaxIncrease))
        {
            entry.Error(AllowedChangeKeys.MaxDrop, $"a waiver needs the change it allows: {AllowedChangeKeys.MaxDrop} (a higher-is-better metric) or {AllowedChangeKeys.MaxIncrease} (lower-is-better)");
        }
        else if (metric is not null)
        {
            foreach (var wrong in AllowedChangeKeys.Problems(metric, maxDrop is not null, maxIncrease is not null))
            {
                entry.Error(wrong.Field, wrong.Message);
            }
        }

        if (expires < today)
        {
            var ago = today.DayNumber - expires.Value.DayNumber;
            entry.Error("expires", string.Create(CultureInfo.InvariantCulture,
                $"the waiver expired on {expires:yyyy-MM-dd}, {ago} day{(ago == 1 ? "" : "s")} ago: fix the regression, or renew the waiver with a new date and reason"));
        }

        var waiver = id is not null && metric is not null && (maxDrop ?? maxIncrease) is { } allowed && owner is not null && reason is not null && expires is { } last
            ? new Waiver(id, metric, allowed, owner, reason, last, last.DayNumber - today.DayNumber)
            : null;
        return new WaiverDraft(metric, owner, waiver);
    }

    /// <summary>What an entry says, as far as it could be read: its metric (for the check that none is waived twice), its owner (for every message about it) and the waiver when it is whole.</summary>
    private sealed record WaiverDraft(string? Metric, string? Owner, Waiver? Waiver);
}
