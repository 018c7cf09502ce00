using Harness.Metrics;
using Harness.Metrics.Bootstrap;
using Harness.Metrics.Families.Streaming;
using Harness.Running;
using Harness.Scenarios;
using Harness.Suite;
using Harness.TestKit;
using Harness.Testing;
using Harness.Tests.Metrics.Bootstrap;
using Harness.Tests.Testing;

namespace Harness.Tests.Metrics.Families;

/// <summary>
/// Streaming AP on hand-computed pairs (the frames before the first output missed, an output finishing exactly at a
/// frame's time shown at it, a frame skipped), absent for a scenario without a streaming target, its resamples equal to
/// the COCO scorer on the pairs, and a real replay scored the same from its stored detections.
/// </summary>
[ReferenceTestOf(typeof(StreamingFamily))]
public sealed class StreamingFamilyTests
{
    private const long Ms = 1_000_000;

    private static readonly string[] Classes = ["car", "pedestrian", "cyclist"];

    /// <summary>Four frames 100 ms apart.</summary>
    private static readonly long[] Times = [0, 100 * Ms, 200 * Ms, 300 * Ms];

    /// <summary>
    /// A parked car (the same box every frame) and a pedestrian walking 100 px a frame (boxes of different frames
    /// never overlap), each detected exactly in every frame: offline AP 1.
    /// </summary>
    private static (TruthBox[][] Truth, Detection[][] Detections) ParkedCarAndWalker()
    {
        var truth = new TruthBox[4][];
        var detections = new Detection[4][];
        for (var f = 0; f < 4; f++)
        {
            var x = 100 + (100 * f);
            truth[f] = [new TruthBox(0, 10, 10, 40, 40), new TruthBox(1, x, 10, 40, 40)];
            detections[f] = [new Detection(10, 10, 50, 50, 0.9f, 0), new Detection(x, 10, x + 40, 50, 0.8f, 1)];
        }

        return (truth, detections);
    }

    /// <summary>
    /// 200 ms per frame: frame 0's output finishes at 200 ms, exactly when frame 2 arrives, so frames 2 and 3 are
    /// shown it (frame 1 is skipped, frame 2's output finishes after the clip) and frames 0 and 1 nothing. The car: 4
    /// truths, found in frames 2 and 3 by the stale box at IoU 1, no false positive: precision 1 up to recall 0.5, so
    /// 51 of pycocotools' 101 recall thresholds (0 to 0.50) at every IoU threshold, AP 51/101. The pedestrian: the
    /// stale boxes are 200 px behind, two false positives and no match, AP 0. Pooled: the mean of the two classes with
    /// truth; the cyclist has none and no metric. 1 ns slower, frame 2 is shown nothing: the car is found once, 26/101.
    /// </summary>
    [Fact]
    public void Frames_are_scored_against_the_latest_output_finished_by_their_time_counting_an_exact_tie()
    {
        var (truth, detections) = ParkedCarAndWalker();

        var onTime = FamilyMetrics.Of(Classes, truth, detections, streaming: new StreamingProfile(200 * Ms), timestampsNs: Times);
        var late = FamilyMetrics.Of(Classes, truth, detections, streaming: new StreamingProfile((200 * Ms) + 1), timestampsNs: Times);

        Assert.Equal(1, onTime["coco/AP"], 12);
        Assert.Equal(51.0 / 101, onTime["streaming/AP/car"], 12);
        Assert.Equal(51.0 / 101, onTime["streaming/AP50/car"], 12);
        Assert.Equal(0, onTime["streaming/AP/pedestrian"]);
        Assert.Equal(51.0 / 202, onTime["streaming/AP"], 12);
        Assert.Equal(51.0 / 202, onTime["streaming/AP50"], 12);
        Assert.False(onTime.ContainsKey("streaming/AP/cyclist"));
        Assert.Equal(26.0 / 101, late["streaming/AP/car"], 12);
        Assert.Equal(13.0 / 101, late["streaming/AP"], 12);
    }

    [Fact]
    public void A_model_slower_than_the_clip_shows_every_frame_nothing_and_misses_every_object()
    {
        var (truth, detections) = ParkedCarAndWalker();

        var metrics = FamilyMetrics.Of(Classes, truth, detections, streaming: new StreamingProfile(400 * Ms), timestampsNs: Times);

        Assert.Equal(0, metrics["streaming/AP"]);
        Assert.Equal(0, metrics["streaming/AP50/car"]);
        Assert.Equal(0, metrics["streaming/AP/pedestrian"]);
    }

    [Fact]
    public void A_run_without_a_streaming_target_has_no_streaming_metrics_and_one_with_needs_every_frames_time()
    {
        var (truth, detections) = ParkedCarAndWalker();

        Assert.DoesNotContain(FamilyMetrics.Of(Classes, truth, detections, streaming: null, timestampsNs: Times).Keys, k => k.StartsWith("streaming", StringComparison.Ordinal));
        var accumulator = new MetricsAccumulator(new MetricsOptions(Classes, Streaming: new StreamingProfile(45 * Ms)));
        Assert.Throws<InvalidOperationException>(() => accumulator.Add(truth[0], detections[0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MetricsAccumulator(new MetricsOptions(Classes, Streaming: new StreamingProfile(0))));
    }

    [Fact]
    public void Names_are_checked_and_judged_like_coco_ap()
    {
        Assert.Null(MetricNameCheck.Problem("streaming/AP50/pedestrian", Classes));
        Assert.Equal("unknown streaming statistic 'AP75' in 'streaming/AP75' (expected one of: AP, AP50)", MetricNameCheck.Problem("streaming/AP75", Classes));
        Assert.Contains("unknown class 'truck'", MetricNameCheck.Problem("streaming/AP/truck", Classes), StringComparison.Ordinal);
        Assert.Contains("does not have the form streaming/<statistic>, streaming/<statistic>/<class>", MetricNameCheck.Problem("streaming", Classes), StringComparison.Ordinal);
        Assert.True(MetricNames.HigherIsBetter("streaming/AP"));
        Assert.Equal((0.0, 1.0), MetricNames.Range("streaming/AP50/car"));
    }

    /// <summary>
    /// The oracle of the scorer: in every lane (the full sample and each resample), each streaming metric and its
    /// support equal the COCO metric of the same statistic and class on the clip whose frames carry the detections the
    /// schedule shows them, and the accumulator equals the full sample bit for bit.
    /// </summary>
    [Theory]
    [InlineData(false, 130, ResamplingUnit.Frames)]
    [InlineData(false, 250, ResamplingUnit.Frames)]
    [InlineData(true, 130, ResamplingUnit.TracksAndFrames)]
    [InlineData(true, 320, ResamplingUnit.Tracks)]
    public void Each_lane_is_coco_ap_of_the_frames_paired_with_what_they_were_shown(bool tracked, long latencyMs, ResamplingUnit units)
    {
        var clip = tracked ? BootstrapClip.CreateTracked(60, seed: 31, maxObjects: 3, backgroundWithObjects: true) : BootstrapClip.Create(40, seed: 32);
        var streaming = new StreamingProfile(latencyMs * Ms);
        var options = new BootstrapOptions(Resamples: 20, Seed: 9, BlockSeconds: 0.5, Units: units);
        var sources = StreamingSchedule.Sources(clip.TimestampsNs, streaming.LatencyNs);
        IReadOnlyList<IReadOnlyList<Detection>> shown = [.. sources.Select(s => s < 0 ? [] : clip.Current[s])];

        var samples = PairedBootstrap.Samples(BootstrapClip.Classes, clip.Truth, clip.TimestampsNs, clip.Current, options, streaming: streaming);
        var paired = PairedBootstrap.Samples(BootstrapClip.Classes, clip.Truth, clip.TimestampsNs, shown, options);

        var accumulator = new MetricsAccumulator(new MetricsOptions(BootstrapClip.Classes, Streaming: streaming));
        for (var i = 0; i < clip.Truth.Count; i++)
        {
            accumulator.Add(clip.TimestampsNs[i], clip.Truth[i], clip.Current[i]);
        }

        var metrics = accumulator.Complete("s", "clip", "model", "digest").Metrics;
        foreach (var suffix in BootstrapClip.Classes.Select(c => "/" + c).Prepend(""))
        {
            foreach (var stat in StreamingFamily.Stats)
            {
                var name = $"streaming/{stat}{suffix}";
                var (lanes, support) = Lanes(samples, name);
                var (cocoLanes, cocoSupport) = Lanes(paired, $"coco/{stat}{suffix}");
                Assert.Equal(cocoLanes, lanes);
                Assert.Equal(cocoSupport, support);
                Assert.Equal(metrics.TryGetValue(name, out var value) ? value : double.NaN, lanes[0]);
            }
        }

        Assert.Contains(sources, s => s < 0);
    }

    [Fact]
    public void A_run_without_a_streaming_target_gets_no_streaming_interval_and_one_with_gets_its_support()
    {
        var clip = BootstrapClip.Create(40, seed: 33);
        var options = new BootstrapOptions(Resamples: 50, Seed: 4, BlockSeconds: 0.5, Units: ResamplingUnit.Frames);

        var without = PairedBootstrap.Run(BootstrapClip.Classes, clip.Truth, clip.TimestampsNs, clip.Baseline, clip.Current, options);
        var with = PairedBootstrap.Run(BootstrapClip.Classes, clip.Truth, clip.TimestampsNs, clip.Baseline, clip.Current, options, new StreamingProfile(150 * Ms));

        Assert.DoesNotContain(without.Keys, k => k.StartsWith("streaming", StringComparison.Ordinal));
        Assert.Equal(with["coco/AP"].Support, with["streaming/AP"].Support);
        Assert.Equal(with["coco/AP50/car"].Support, with["streaming/AP50/car"].Support);
        Assert.True(with["streaming/AP"].Current < with["coco/AP"].Current);
    }

    /// <summary>urban-day at 30 Hz on its first frames with a 45 ms target: the replay writes the streaming metrics, with supports, and its stored frames rescore to them.</summary>
    [Fact]
    public void A_replayed_streaming_scenario_rescores_from_its_stored_frames_to_the_same_values()
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine(RepositoryPaths.Scenarios, "urban-day.yaml"));
        scenario = scenario with { Clip = scenario.Clip with { Source = "synthetic://urban-day?seed=7&frames=8&fps=30", Sha256 = null }, Streaming = new StreamingProfile(45 * Ms) };

        var result = ScenarioRunner.Run(scenario, RepositoryPaths.Cache);
        var rescored = PairedComparison.Score(scenario.Id, scenario.Model.Classes.EvaluationClasses, result.ScoredFrames, scenario.Streaming);

        var streamed = result.Metrics.Where(m => m.Key.StartsWith("streaming/", StringComparison.Ordinal)).ToList();
        Assert.Contains(streamed, m => m.Key == "streaming/AP");
        Assert.Equal(streamed, rescored.Metrics.Where(m => m.Key.StartsWith("streaming/", StringComparison.Ordinal)));
        Assert.Equal(result.Supports["coco/AP"], result.Supports["streaming/AP"]);
    }

    private static (double[] Lanes, long Support) Lanes(MetricSamples samples, string name)
    {
        var m = Enumerable.Range(0, samples.Layout.Count).Single(i => samples.Layout.Names[i] == name);
        return (samples.Values(m).ToArray(), samples.Support(m));
    }
}
