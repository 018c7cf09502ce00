using Harness.Clips;
using Harness.Postprocessing;
using Harness.Simd;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// Confidence intervals for the change of every non-timing metric between a baseline run and a current run on the same
/// clip: a paired moving-block bootstrap over frames. Each resample draws blocks of consecutive frames (neighbouring
/// frames are correlated), scores both runs on the same drawn frames and the same truth, and the interval is the
/// percentile interval of current - baseline over the resamples. Each run is matched once; a resample only
/// re-accumulates with frame weights, all resamples together as vector lanes.
/// </summary>
internal static class PairedBootstrap
{
    /// <summary>
    /// <paramref name="truth"/>[i], <paramref name="baseline"/>[i] and <paramref name="current"/>[i] are frame i, with
    /// truth in model class ids (ignore regions as MetricsAccumulator reads them); <paramref name="timestampsNs"/>[i] is
    /// its time, which sets the block length. Returns one entry per metric MetricsAccumulator produces for both runs,
    /// timing metrics excepted, keyed by the same names (<see cref="MetricNames"/>) in ordinal order.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length, a class name is unusable, or the clip is too large.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range or a detection's class id is not a class.</exception>
    public static IReadOnlyDictionary<string, ChangeInterval> Run(
        IReadOnlyList<string> classNames,
        IReadOnlyList<IReadOnlyList<TruthBox>> truth,
        IReadOnlyList<long> timestampsNs,
        IReadOnlyList<IReadOnlyList<Detection>> baseline,
        IReadOnlyList<IReadOnlyList<Detection>> current,
        BootstrapOptions options) =>
        Run(classNames, truth, timestampsNs, baseline, current, options, vectorized: true);

    internal static IReadOnlyDictionary<string, ChangeInterval> Run(IReadOnlyList<string> classNames,
        IReadOnlyList<IReadOnlyList<TruthBox>> truth, IReadOnlyList<long> timestampsNs, IReadOnlyList<IReadOnlyList<Detection>> baseline,
        IReadOnlyList<IReadOnlyList<Detection>> current, BootstrapOptions options, bool vectorized)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var weights = Weights(classNames, truth, timestampsNs, options);
        if (baseline.Count != truth.Count || current.Count != truth.Count)
        {
            throw new ArgumentException(
                $"Truth, timestamps and both runs must have one entry per frame ({truth.Count} frames, {baseline.Count} baseline, {current.Count} current).",
                nameof(current));
        }

        // The two runs are scored independently over the same read-only weights, so the current run is scored on
        // another core while this thread scores the baseline (the bootstrap is a few percent of a run's wall time, on a
        // core the replay leaves idle). The baseline still fails first when both would, as when they ran one after the
        // other. The other thread takes this one's vector width, which a test may have forced.
        var width = VectorWidth.Current;
        var currentScored = Task.Run(() =>
        {
            using var forced = VectorWidth.Force(width);
            return Score(classNames, truth, current, weights, vectorized);
        });
        var before = Score(classNames, truth, baseline, weights, vectorized);
        return ChangeIntervals.Build(before, currentScored.GetAwaiter().GetResult(), options.Confidence);
    }

    /// <summary>One run's metric values in the full sample (lane 0) and in each resample (lane r + 1), NaN where undefined.</summary>
    internal static MetricSamples Samples(IReadOnlyList<string> classNames, IReadOnlyList<IReadOnlyList<TruthBox>> truth,
        IReadOnlyList<long> timestampsNs, IReadOnlyList<IReadOnlyList<Detection>> detections, BootstrapOptions options, bool vectorized = true)
    {
        ArgumentNullException.ThrowIfNull(detections);
        var weights = Weights(classNames, truth, timestampsNs, options);
        if (detections.Count != truth.Count)
        {
            throw new ArgumentException($"Expected {truth.Count} frames of detections, got {detections.Count}.", nameof(detections));
        }

        return Score(classNames, truth, detections, weights, vectorized);
    }

    /// <summary>
    /// Fewer blocks than this and the resamples barely differ from the full sample (at one block they are all the full
    /// sample), so the interval would be narrow for lack of data, not for lack of noise: such a clip gets no interval.
    /// </summary>
    internal const int MinimumBlocks = 5;

    /// <summary>
    /// Whether the clip spans at least <see cref="MinimumBlocks"/> blocks of the configured length, so that intervals
    /// say something; <paramref name="blockLength"/> is the block length in frames either way.
    /// </summary>
    public static bool CanEstimate(IReadOnlyList<long> timestampsNs, BootstrapOptions options, out int blockLength)
    {
        ArgumentNullException.ThrowIfNull(timestampsNs);
        ArgumentNullException.ThrowIfNull(options);
        blockLength = BlockLength(timestampsNs, options);
        return timestampsNs.Count >= MinimumBlocks * blockLength;
    }

    /// <summary>The moving-block length for the clip's timestamps (see <see cref="MovingBlockResampler.BlockLength"/>).</summary>
    internal static int BlockLength(IReadOnlyList<long> timestampsNs, BootstrapOptions options) =>
        MovingBlockResampler.BlockLength(timestampsNs, options.BlockSeconds);

    private static FrameWeights Weights(IReadOnlyList<string> classNames, IReadOnlyList<IReadOnlyList<TruthBox>> truth,
        IReadOnlyList<long> timestampsNs, BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(timestampsNs);
        ArgumentNullException.ThrowIfNull(options);
        new MetricsOptions(classNames).Validate();
        options.Validate();
        if (timestampsNs.Count != truth.Count)
        {
            throw new ArgumentException($"Expected {truth.Count} timestamps, got {timestampsNs.Count}.", nameof(timestampsNs));
        }

        return FrameWeights.Draw(truth.Count, options.Resamples, BlockLength(timestampsNs, options), options.Seed);
    }

    private static MetricSamples Score(IReadOnlyList<string> classNames, IReadOnlyList<IReadOnlyList<TruthBox>> truth,
        IReadOnlyList<IReadOnlyList<Detection>> detections, FrameWeights weights, bool vectorized)
    {
        var run = BootstrapRun.Create(classNames, truth, detections);
        var samples = new MetricSamples(new MetricLayout(classNames), weights.Lanes);
        new CocoResampleScorer(run.Categories, weights, vectorized).Score(samples);
        new OperatingPointResampleScorer(run.OperatingPoint, weights, vectorized).Score(samples);
        return samples;
    }
}
