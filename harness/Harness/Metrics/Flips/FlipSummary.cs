using System.Globalization;

namespace Harness.Metrics.Flips;

/// <summary>
/// Object flips of a whole run against its baseline: totals, counts per group (every class as <c>"&lt;class&gt;"</c>
/// and every class and recall slice as <c>"&lt;class&gt;/&lt;slice&gt;"</c>, zero where nothing flipped) and the most
/// severe flips, most severe first.
/// </summary>
public sealed record FlipSummary(
    int Lost,
    int Found,
    int ClassChanged,
    int FalsePositivesAppeared,
    int FalsePositivesGone,
    IReadOnlyDictionary<string, FlipCounts> ByGroup,
    IReadOnlyList<ObjectFlip> Worst)
{
    /// <summary>One line for a report, e.g. "3 objects lost, 5 found, 12 false positives appeared, 9 gone, 2 class changes".</summary>
    public string Describe()
    {
        if (Lost == 0 && Found == 0 && ClassChanged == 0 && FalsePositivesAppeared == 0 && FalsePositivesGone == 0)
        {
            return "no object changed";
        }

        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{Lost} object{Plural(Lost)} lost, {Found} found, {FalsePositivesAppeared} false positive{Plural(FalsePositivesAppeared)} appeared, {FalsePositivesGone} gone");
        return ClassChanged > 0
            ? text + string.Create(CultureInfo.InvariantCulture, $", {ClassChanged} class change{Plural(ClassChanged)}")
            : text;
    }

    private static string Plural(int count) => count == 1 ? "" : "s";
}
