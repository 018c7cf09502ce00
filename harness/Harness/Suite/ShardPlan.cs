using Harness.Results;
using Harness.Running;
using Harness.Scenarios;

namespace Harness.Suite;

/// <summary>
/// Splits a run's selected scenarios into shards of about equal work, the same way on every machine: greedy longest
/// first (each scenario, heaviest first, goes to the shard with the least work so far; ties to the earlier scenario,
/// then to the shard with fewer scenarios, then the lower shard). Work is the replay time the history recorded when it has one for every scenario, else the frame
/// count (a recorded clip's is unknown before it is read, and counts as one frame). A file that failed to load costs
/// nothing but still lands in exactly one shard.
/// </summary>
internal static class ShardPlan
{
    /// <returns>The shard (1-based) of each item, by position.</returns>
    public static int[] Assign(IReadOnlyList<double> work, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        var load = new double[shards];
        var items = new int[shards];
        var assigned = new int[work.Count];
        foreach (var item in Enumerable.Range(0, work.Count).OrderByDescending(i => work[i]).ThenBy(i => i))
        {
            var lightest = 0;
            for (var s = 1; s < shards; s++)
            {
                if (load[s] < load[lightest] || (load[s] == load[lightest] && items[s] < items[lightest]))
                {
                    lightest = s;
                }
            }

            load[lightest] += work[item];
            items[lightest]++;
            assigned[item] = lightest + 1;
        }

        return assigned;
    }

    /// <summary>The selected scenarios and load failures of <paramref name="shard"/>, in selection order.</summary>
    public static ScenarioSet Of(ScenarioSet selected, ShardSpec shard, IReadOnlyDictionary<string, double> replaySeconds)
    {
        var ids = selected.Failures.Select(f => f.Id).Concat(selected.Scenarios.Select(s => s.Id)).ToList();
        var bySeconds = selected.Scenarios.All(s => replaySeconds.ContainsKey(s.Id));
        var work = selected.Failures.Select(_ => 0.0)
            .Concat(selected.Scenarios.Select(s => bySeconds ? replaySeconds[s.Id] : FrameCount(s.Clip.Source)))
            .ToList();
        var assigned = Assign(work, shard.Count);
        var mine = ids.Where((_, i) => assigned[i] == shard.Index).ToHashSet(StringComparer.Ordinal);
        return new ScenarioSet(
            [.. selected.Scenarios.Where(s => mine.Contains(s.Id))],
            [.. selected.Failures.Where(f => mine.Contains(f.Id))]);
    }

    private static double FrameCount(string clipSource)
    {
        try
        {
            return ClipGenerators.For(clipSource)?.FrameCount(clipSource) ?? 1;
        }
        catch (Exception e) when (e is FormatException or ScenarioInputException)
        {
            return 1;
        }
    }
}
