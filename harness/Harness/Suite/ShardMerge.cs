using Harness.Reporting;
using Harness.Results;

namespace Harness.Suite;

/// <summary>
/// Combines the results folders of a sharded run into the report one machine would have written: every folder must
/// come from the same run (same selection, kind of run and CI mode), every shard 1..N must be there exactly once, and
/// every selected scenario must be in exactly one of them. The bundles are then reported in selection order.
/// </summary>
internal static class ShardMerge
{
    /// <exception cref="ResultsFormatException">A folder is missing or corrupt, or the folders are not the shards of one run; the message lists every problem.</exception>
    public static SuiteReport Merge(IReadOnlyList<string> directories, IReadOnlyList<IReporter> reporters, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(directories);
        if (directories.Count == 0)
        {
            throw new ResultsFormatException("no results folders to merge");
        }

        var manifests = directories.Select(ResultsFolder.ReadManifest).ToList();
        var problems = Problems(directories, manifests);
        if (problems.Count > 0)
        {
            throw new ResultsFormatException(string.Join("\n", problems));
        }

        var bundles = directories.Zip(manifests)
            .SelectMany(pair => ResultsFolder.ReadBundles(pair.First, pair.Second))
            .ToDictionary(b => b.ScenarioId, StringComparer.Ordinal);
        var first = manifests[0];
        return GateSuite.Export(new SuiteReport([.. first.Selection.Select(id => bundles[id])], first.Run, first.IsCi), reporters, log);
    }

    private static List<string> Problems(IReadOnlyList<string> directories, List<RunManifest> manifests)
    {
        var problems = new List<string>();
        var first = manifests[0];
        var count = first.Shard?.Count ?? 1;
        var holder = new Dictionary<int, string>();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < manifests.Count; i++)
        {
            var (directory, manifest) = (directories[i], manifests[i]);
            if (!manifest.Selection.SequenceEqual(first.Selection, StringComparer.Ordinal) || manifest.Run != first.Run || manifest.IsCi != first.IsCi)
            {
                problems.Add($"{directory}: not a shard of the same run as {directories[0]} (its selected scenarios, kind of run or CI mode differ)");
                continue;
            }

            var shard = manifest.Shard ?? new ShardSpec(1, 1);
            if (shard.Count != count)
            {
                problems.Add($"{directory}: shard {shard}, but {directories[0]} is a shard of {count}");
            }
            else if (!holder.TryAdd(shard.Index, directory))
            {
                problems.Add($"{directory}: shard {shard} is also {holder[shard.Index]}");
            }

            foreach (var id in manifest.Scenarios)
            {
                if (!owner.TryAdd(id, directory))
                {
                    problems.Add($"{directory}: scenario '{id}' is also in {owner[id]}");
                }
            }
        }

        problems.AddRange(Enumerable.Range(1, count).Where(k => !holder.ContainsKey(k)).Select(k => $"shard {k}/{count} is missing"));
        if (problems.Count == 0)
        {
            problems.AddRange(first.Selection.Where(id => !owner.ContainsKey(id)).Select(id => $"scenario '{id}' is in no shard"));
        }

        return problems;
    }
}
