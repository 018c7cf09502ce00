using Harness.Gate;
using Harness.Reporting;
using Harness.Results;
using Harness.Scenarios;
using Harness.Suite;
using Harness.TestKit;

namespace Harness.Tests.Suite;

/// <summary>Merging results folders that are, and are not, exactly the shards of one run.</summary>
public sealed class ShardMergeTests : IDisposable
{
    private static readonly string[] Selection = ["a", "b", "c"];

    private readonly TemporaryDirectory _temp = new("merge-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Shards_merge_in_selection_order_whatever_order_they_are_given_in()
    {
        var one = Shard(1, 2, "a", "c");
        var two = Shard(2, 2, "b");

        var merged = ShardMerge.Merge([two, one], []);

        Assert.Equal(Selection, merged.Scenarios.Select(s => s.ScenarioId));
        Assert.Equal(SuiteReport.ExitPass, merged.ExitCode);
    }

    [Fact]
    public void Exit_code_follows_the_same_rules_as_a_run()
    {
        var one = Shard(1, 2, "a", "c");
        var two = Folder("two", new RunManifest(RunKind.PullRequest, false, Selection, ["b"], new ShardSpec(2, 2)),
            new ResultBundle(null, ScenarioVerdict.ForError("b", "b.yaml could not be loaded", isCi: false), null));

        Assert.Equal(SuiteReport.ExitInputError, ShardMerge.Merge([one, two], []).ExitCode);
    }

    [Fact]
    public void Unsharded_results_folder_merges_alone()
    {
        var whole = Folder("whole", new RunManifest(RunKind.Nightly, true, Selection, Selection), [.. Selection.Select(Passed)]);

        var merged = ShardMerge.Merge([whole], []);

        Assert.Equal((RunKind.Nightly, true), (merged.Run, merged.IsCi));
        Assert.Equal(Selection, merged.Scenarios.Select(s => s.ScenarioId));
    }

    [Fact]
    public void Scenario_in_two_shards_is_refused()
    {
        var one = Shard(1, 2, "a", "b");
        var two = Shard(2, 2, "b", "c");

        var error = Assert.Throws<ResultsFormatException>(() => ShardMerge.Merge([one, two], []));

        Assert.Contains($"{two}: scenario 'b' is also in {one}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_shard_is_refused()
    {
        var error = Assert.Throws<ResultsFormatException>(() => ShardMerge.Merge([Shard(1, 3, "a"), Shard(3, 3, "c")], []));

        Assert.Equal("shard 2/3 is missing", error.Message);
    }

    [Fact]
    public void Same_shard_twice_is_refused()
    {
        var one = Shard(1, 2, "a");
        var again = Shard(1, 2, "b", "c");

        var error = Assert.Throws<ResultsFormatException>(() => ShardMerge.Merge([one, again], []));

        Assert.Contains($"{again}: shard 1/2 is also {one}", error.Message, StringComparison.Ordinal);
        Assert.Contains("shard 2/2 is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shards_of_different_splits_are_refused()
    {
        var error = Assert.Throws<ResultsFormatException>(() => ShardMerge.Merge([Shard(1, 2, "a", "b"), Shard(2, 3, "c")], []));

        Assert.Contains("shard 2/3, but", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shard_of_another_run_is_refused()
    {
        var one = Shard(1, 2, "a", "b");
        var other = Folder("other", new RunManifest(RunKind.Nightly, false, Selection, ["c"], new ShardSpec(2, 2)), Passed("c"));

        var error = Assert.Throws<ResultsFormatException>(() => ShardMerge.Merge([one, other], []));

        Assert.Contains($"{other}: not a shard of the same run as {one}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_in_no_shard_is_refused()
    {
        var error = Assert.Throws<ResultsFormatException>(() => ShardMerge.Merge([Shard(1, 2, "a"), Shard(2, 2, "b")], []));

        Assert.Equal("scenario 'c' is in no shard", error.Message);
    }

    [Fact]
    public void Missing_or_corrupt_shard_folder_is_refused_naming_it()
    {
        var one = Shard(1, 2, "a", "c");
        var two = Shard(2, 2, "b");
        var bundle = Path.Combine(two, "b", ResultBundleFiles.Bundle);
        File.WriteAllText(bundle, "{");

        var corrupt = Assert.Throws<ResultsFormatException>(() => ShardMerge.Merge([one, two], []));
        var missing = Assert.Throws<ResultsFormatException>(() => ShardMerge.Merge([one, _temp.Combine("nowhere")], []));
        var none = Assert.Throws<ResultsFormatException>(() => ShardMerge.Merge([], []));

        Assert.Contains(bundle + ": not valid JSON", corrupt.Message, StringComparison.Ordinal);
        Assert.Equal(_temp.Combine("nowhere") + ": no such results folder", missing.Message);
        Assert.Equal("no results folders to merge", none.Message);
    }

    private string Shard(int index, int count, params string[] ids) =>
        Folder($"shard-{index}-of-{count}-{string.Concat(ids)}", new RunManifest(RunKind.PullRequest, false, Selection, ids, new ShardSpec(index, count)), [.. ids.Select(Passed)]);

    private string Folder(string name, RunManifest manifest, params ResultBundle[] bundles)
    {
        var folder = _temp.Combine(name);
        ResultsFolder.Write(folder, manifest, bundles);
        return folder;
    }

    private static ResultBundle Passed(string id) => new(null, new ScenarioVerdict(id, [], [], BaselineMissing: false, IsCi: false), null);
}
