using Harness.Metrics.Nuscenes;
using static Harness.Tests.Metrics.Nuscenes.NuscenesBoxes;

namespace Harness.Tests.Metrics.Nuscenes;

public sealed class NuscenesMatcherTests
{
    [Fact]
    public void Equal_scores_are_matched_last_listed_first_as_the_devkit_sorts_them()
    {
        var predictions = new[] { 0.5, 0.9, 0.5, 0.7, 0.5 }.Select((score, i) => (0, Box(i, 0, score: score))).ToList();

        var ordered = NuscenesMatcher.ScoreOrder(predictions);

        // sorted((score, index)) reversed: 0.9 (1), 0.7 (3), then the 0.5s by descending index: 4, 2, 0.
        Assert.Equal([1.0, 3, 4, 2, 0], ordered.Select(p => p.Box.Translation.X));
    }

    [Fact]
    public void Of_equally_near_truths_the_first_listed_is_taken_and_the_next_prediction_gets_the_other()
    {
        var left = Box(-1, 0);
        var right = Box(1, 0);
        var predictions = new[] { (0, Box(0, 0, score: 0.9)), (0, Box(0, 0, score: 0.8)) };

        var matches = NuscenesMatcher.Match([[left, right]], predictions, threshold: 2);

        Assert.Equal([true, true], matches.IsMatch);
        Assert.Same(left, matches.Pairs[0].Truth);
        Assert.Same(right, matches.Pairs[1].Truth);
    }

    [Fact]
    public void A_prediction_1_5_m_away_matches_at_2_m_but_not_at_1_m()
    {
        var truth = new IReadOnlyList<NuscenesBox>[] { [Box(10, 0)] };
        var predictions = new[] { (0, Box(11.5, 0, score: 0.9)) };

        Assert.Equal([false], NuscenesMatcher.Match(truth, predictions, threshold: 1).IsMatch);
        Assert.Equal([true], NuscenesMatcher.Match(truth, predictions, threshold: 2).IsMatch);
    }

    [Fact]
    public void A_distance_equal_to_the_threshold_is_not_a_match()
    {
        var truth = new IReadOnlyList<NuscenesBox>[] { [Box(0, 0)] };

        Assert.Equal([false], NuscenesMatcher.Match(truth, [(0, Box(2, 0, score: 0.9))], threshold: 2).IsMatch);
        Assert.Equal([true], NuscenesMatcher.Match(truth, [(0, Box(Math.BitDecrement(2.0), 0, score: 0.9))], threshold: 2).IsMatch);
    }

    [Fact]
    public void Matching_is_greedy_by_score_not_by_distance()
    {
        // The higher-scored prediction takes the truth although the other one is nearer to it.
        var truth = new IReadOnlyList<NuscenesBox>[] { [Box(0, 0)] };
        var far = Box(1.5, 0, score: 0.9);
        var near = Box(0.1, 0, score: 0.8);

        var matches = NuscenesMatcher.Match(truth, [(0, far), (0, near)], threshold: 2);

        Assert.Equal([true, false], matches.IsMatch);
        Assert.Same(far, matches.Pairs.Single().Prediction);
    }

    [Fact]
    public void Predictions_match_only_truth_of_their_own_sample()
    {
        var truth = new IReadOnlyList<NuscenesBox>[] { [Box(0, 0)], [] };

        var matches = NuscenesMatcher.Match(truth, [(1, Box(0, 0, score: 0.9))], threshold: 4);

        Assert.Equal([false], matches.IsMatch);
        Assert.Equal(1, matches.TruthCount);
    }
}
