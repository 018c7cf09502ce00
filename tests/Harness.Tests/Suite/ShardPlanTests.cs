using Harness.Postprocessing.Layouts;
using Harness.Results;
using Harness.Scenarios;
using Harness.Suite;

namespace Harness.Tests.Suite;

public class ShardPlanTests
{
    /// <summary>
    /// By hand: 5 -> shard 1 (5, 0); 4 -> shard 2 (5, 4); 3 -> shard 2 (5, 7); 3 -> shard 1 (8, 7); 2 -> shard 2
    /// (8, 9); 1 -> shard 1 (9, 9).
    /// </summary>
    [Fact]
    public void Greedy_longest_first_puts_each_item_on_the_least_loaded_shard()
    {
        Assert.Equal([1, 2, 2, 1, 2, 1], ShardPlan.Assign([5, 4, 3, 3, 2, 1], 2));
    }

    /// <summary>The same work reversed: heaviest first still, and of the two 3s the earlier one goes first.</summary>
    [Fact]
    public void Heaviest_first_whatever_the_input_order()
    {
        Assert.Equal([1, 2, 2, 1, 2, 1], ShardPlan.Assign([1, 2, 3, 3, 4, 5], 2));
    }

    [Fact]
    public void Equal_work_goes_round_the_shards_in_selection_order()
    {
        Assert.Equal([1, 2, 3, 1, 2], ShardPlan.Assign([7, 7, 7, 7, 7], 3));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    public void Every_item_lands_in_exactly_one_existing_shard(int shards)
    {
        var assigned = ShardPlan.Assign([3, 0, 9, 1, 1, 4], shards);

        Assert.Equal(6, assigned.Length);
        Assert.All(assigned, s => Assert.InRange(s, 1, shards));
    }

    [Fact]
    public void Zero_shards_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ShardPlan.Assign([1], 0));
    }

    [Fact]
    public void Frame_counts_balance_when_the_history_does_not_know_every_scenario()
    {
        var set = Set(("a", 100), ("b", 300), ("c", 200), ("d", 100));

        var first = ShardPlan.Of(set, new ShardSpec(1, 2), new Dictionary<string, double> { ["a"] = 50 });
        var second = ShardPlan.Of(set, new ShardSpec(2, 2), new Dictionary<string, double> { ["a"] = 50 });

        Assert.Equal(["b", "d"], first.Scenarios.Select(s => s.Id));
        Assert.Equal(["a", "c"], second.Scenarios.Select(s => s.Id));
    }

    [Fact]
    public void Recorded_replay_times_balance_when_the_history_knows_every_scenario()
    {
        var set = Set(("a", 100), ("b", 300), ("c", 200), ("d", 100));
        var seconds = new Dictionary<string, double> { ["a"] = 40, ["b"] = 10, ["c"] = 20, ["d"] = 25 };

        Assert.Equal(["a", "b"], ShardPlan.Of(set, new ShardSpec(1, 2), seconds).Scenarios.Select(s => s.Id));
        Assert.Equal(["c", "d"], ShardPlan.Of(set, new ShardSpec(2, 2), seconds).Scenarios.Select(s => s.Id));
    }

    [Fact]
    public void Files_that_failed_to_load_are_spread_too()
    {
        var set = Set(("a", 10)) with { Failures = [new ScenarioLoadFailure("x.yaml", []), new ScenarioLoadFailure("y.yaml", [])] };

        var shards = Enumerable.Range(1, 3).Select(k => ShardPlan.Of(set, new ShardSpec(k, 3), new Dictionary<string, double>())).ToList();

        Assert.Equal(["a"], shards[0].Scenarios.Select(s => s.Id));
        Assert.Equal(["x"], shards[1].Failures.Select(f => f.Id));
        Assert.Equal(["y"], shards[2].Failures.Select(f => f.Id));
    }

    private static ScenarioSet Set(params (string Id, int Frames)[] scenarios) =>
        new([.. scenarios.Select(s => Scenario(s.Id, s.Frames))], []);

    private static Scenario Scenario(string id, int frames) => new(
        id,
        "",
        ["pr"],
        new ClipSpec($"synthetic://urban-day?seed=1&frames={frames}", null, "/c", "/t", null),
        new ModelSpec("reference://detector-v1", null, OutputLayouts.Get("yolov8"), new InputSpec(8, 8, true, 1, [0, 0, 0], [1, 1, 1], false, 114), ClassMap.Identity(["car"]), new SessionSpec(1, "all", true)),
        new PostprocessSpec(0.25f, 0.45f, 10, false),
        [],
        id + ".yaml");
}
