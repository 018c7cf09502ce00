using Harness.Metrics;
using Harness.Metrics.Bootstrap;
using Harness.Metrics.Sweep;
using Harness.Running;
using Harness.Scenarios;
using Harness.TestKit;
using Harness.Testing;
using Harness.Tests.Testing;

namespace Harness.Tests.Metrics.Sweep;

public sealed class ThresholdSweepTests : IDisposable
{
    private static readonly string[] Classes = ["car", "pedestrian"];

    private readonly TemporaryDirectory temp = new("sweep-");

    /// <summary>
    /// Two frames, one car each. Frame 0: a hit at 0.9, a false car at 0.5 and a false pedestrian at 0.2. Frame 1: a
    /// hit at 0.3. At 0.1 all four count: car precision 2/3, recall 1, 1 false car per 2 frames; pedestrian 0 of 1 is
    /// precision 0, recall undefined (no pedestrian truth). At 0.4 the frame-1 hit and the pedestrian go: car precision
    /// 1/2, recall 1/2. At 0.6 the false car goes too: precision 1, recall 1/2, no false positives.
    /// </summary>
    [Fact]
    public void Rates_at_each_threshold_match_a_hand_count_and_the_recommendation_keeps_recall()
    {
        var frames = new List<ScoredFrame>
        {
            new(0, 0, [Car(0)], [Det(0, 0.9f), Det(200, 0.5f), Det(400, 0.2f, classId: 1)]),
            new(1, 100_000_000, [Car(0)], [Det(0, 0.3f)]),
        };

        var curves = ThresholdSweep.Run(Classes, frames, [0.6, 0.1, 0.4], new Dictionary<string, double> { ["car"] = 1.0, [ThresholdSweep.Pooled] = 0.5 }, new BootstrapOptions(Resamples: 0));

        var car = curves.Single(c => c.Class == "car");
        Assert.Equal([0.1, 0.4, 0.6], car.Points.Select(p => p.Threshold));
        Assert.Equal([2.0 / 3, 0.5, 1.0], car.Points.Select(p => p.Precision.Value));
        Assert.Equal([1.0, 0.5, 0.5], car.Points.Select(p => p.Recall.Value));
        Assert.Equal([0.8, 0.5, 2.0 / 3], car.Points.Select(p => p.F1.Value));
        Assert.Equal([0.5, 0.5, 0.0], car.Points.Select(p => p.FalsePositivesPerFrame.Value));
        Assert.Equal(0.1, car.Recommended);
        var pedestrian = curves.Single(c => c.Class == "pedestrian");
        Assert.Equal(0.0, pedestrian.Points[0].Precision.Value);
        Assert.True(double.IsNaN(pedestrian.Points[0].Recall.Value));
        Assert.Null(pedestrian.Recommended);
        Assert.True(double.IsNaN(pedestrian.RecallToKeep));
        var pooled = curves.Single(c => c.Class == ThresholdSweep.Pooled);
        Assert.Equal([1.0, 0.5, 0.0], pooled.Points.Select(p => p.FalsePositivesPerFrame.Value));
        Assert.Equal(0.6, pooled.Recommended);
    }

    [Theory]
    [InlineData(1.0, 0.1)]
    [InlineData(0.5000001, 0.1)]
    [InlineData(0.5, 0.6)]
    public void The_recommendation_is_the_highest_threshold_whose_recall_is_at_least_the_one_to_keep(double keep, double recommended)
    {
        var frames = new List<ScoredFrame> { new(0, 0, [Car(0), Car(300)], [Det(0, 0.9f), Det(300, 0.3f)]) };

        var car = ThresholdSweep.Run(Classes, frames, [0.1, 0.4, 0.6], new Dictionary<string, double> { ["car"] = keep }, new BootstrapOptions(Resamples: 0)).Single(c => c.Class == "car");

        Assert.Equal(recommended, car.Recommended);
    }

    [Fact]
    public void A_recall_no_threshold_keeps_gives_no_recommendation()
    {
        var frames = new List<ScoredFrame> { new(0, 0, [Car(0), Car(300)], [Det(0, 0.9f)]) };

        var car = ThresholdSweep.Run(Classes, frames, [0.1, 0.4], new Dictionary<string, double> { ["car"] = 0.75 }, new BootstrapOptions(Resamples: 0)).Single(c => c.Class == "car");

        Assert.Null(car.Recommended);
        Assert.Equal(0.75, car.RecallToKeep);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_threshold_outside_zero_to_one_is_refused(double threshold)
    {
        Assert.Throws<ArgumentException>(() => ThresholdSweep.Run(Classes, [], [0.2, threshold], new Dictionary<string, double>(), new BootstrapOptions(Resamples: 0)));
    }

    /// <summary>The sweep's premise, on real replays: the replay at 0.45 is the replay at 0.25 cut at 0.45, rate for rate.</summary>
    [Fact]
    public void One_replay_at_the_lowest_threshold_gives_what_a_replay_at_each_higher_one_measures()
    {
        var low = Replay(0.25f);
        var high = Replay(0.45f);

        var curves = ThresholdSweep.Run(["car", "pedestrian", "cyclist"], low.ScoredFrames, [0.25, 0.45], new Dictionary<string, double>(), new BootstrapOptions(Resamples: 0));

        foreach (var (result, index) in new[] { (low, 0), (high, 1) })
        {
            foreach (var curve in curves)
            {
                var point = curve.Points[index];
                string Name(string rate) => curve.Class == ThresholdSweep.Pooled ? rate : MetricNames.PerClass(rate, curve.Class);
                Assert.Equal(result.Metrics.GetValueOrDefault(Name(MetricNames.Precision), double.NaN), point.Precision.Value);
                Assert.Equal(result.Metrics.GetValueOrDefault(Name(MetricNames.Recall), double.NaN), point.Recall.Value);
                Assert.Equal(result.Metrics.GetValueOrDefault(Name(MetricNames.F1), double.NaN), point.F1.Value);
            }

            Assert.Equal(result.Metrics[MetricNames.FalsePositivesPerFrame], curves.Single(c => c.Class == ThresholdSweep.Pooled).Points[index].FalsePositivesPerFrame.Value);
        }

        Assert.Equal(high.ScoredFrames.Select(f => f.Detections.Count), low.ScoredFrames.Select(f => f.Detections.Count(d => d.Score > 0.45f)));
    }

    [Fact]
    public void Intervals_contain_the_value_and_collapse_without_resamples()
    {
        var result = Replay(0.25f);

        var resampled = ThresholdSweep.Run(["car", "pedestrian", "cyclist"], result.ScoredFrames, [0.3], new Dictionary<string, double>(), new BootstrapOptions(Resamples: 200));
        var pooled = resampled.Single(c => c.Class == ThresholdSweep.Pooled).Points[0];

        Assert.True(pooled.Recall.Low < pooled.Recall.Value && pooled.Recall.Value < pooled.Recall.High, pooled.ToString());
        Assert.True(pooled.FalsePositivesPerFrame.Low < pooled.FalsePositivesPerFrame.High);
    }

    public void Dispose() => temp.Dispose();

    private ScenarioResult Replay(float threshold)
    {
        var path = temp.Combine(FormattableString.Invariant($"s{threshold}.yaml"));
        File.WriteAllText(path, ScenarioYaml.Create("s", "synthetic://urban-day?seed=7&frames=30", gated: false) + FormattableString.Invariant($"postprocess: {{ score_threshold: {threshold} }}\n"));
        return ScenarioRunner.Run(ScenarioLoader.LoadFile(path), RepositoryPaths.Cache);
    }

    private static TruthBox Car(float x) => new(0, x, 0, 100, 100);

    private static Detection Det(float x, float score, int classId = 0) => new(x, 0, x + 100, 100, score, classId);
}
