using Harness.Metrics.Families;
using Harness.Simd;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// Confidence intervals for the change of every non-timing metric between a baseline run and a current run on the same
/// clip: a paired bootstrap over the clip's independent units (<see cref="ResamplingUnits"/>: object tracks where the
/// truth has them, frames in circular blocks otherwise). Each resample draws units, scores both runs on the same drawn
/// units and the same truth, and the interval is the percentile interval of current - baseline over the resamples.
/// Each run is matched once; a resample only re-accumulates with unit weights, all resamples together as vector lanes.
/// </summary>
internal static class PairedBootstrap
{
    /// <summary>
    /// Fewer independent units than this and a percentile interval is too narrow for lack of data, not for lack of noise
    /// (with 6 blocks of 5 s the study measured 72% coverage for a nominal 95%): such a clip gets no interval.
    /// </summary>
    public const int MinimumUnits = 20;

    /// <summary>
    /// <paramref name="truth"/>[i], <paramref name="baseline"/>[i] and <paramref name="current"/>[i] are frame i, with
    /// truth in model class ids (ignore regions as MetricsAccumulator reads them); <paramref name="timestampsNs"/>[i] is
    /// its time, which a block length in seconds is converted with and the streaming metrics replay the clip by when
    /// <paramref name="streaming"/> declares their target. Returns one entry per metric MetricsAccumulator produces for
    /// both runs, timing metrics excepted, keyed by the same names (<see cref="MetricNames"/>) in ordinal order.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length, a class name is unusable, or the clip is too large.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range or a detection's class id is not a class.</exception>
    public static IReadOnlyDictionary<string, ChangeInterval> Run(
        IReadOnlyList<string> classNames,
        IReadOnlyList<IReadOnlyList<TruthBox>> truth,
        IReadOnlyList<long> timestampsNs,
        IReadOnlyList<IReadOnlyList<Detection>> baseline,
        IReadOnlyList<IReadOnlyList<Detection>> current,
        BootstrapOptions options,
        StreamingProfile? streaming = null) =>
        Run(classNames, truth, timestampsNs, Units(classNames, truth, timestampsNs, [baseline, current], options), baseline, current, options, vectorized: true, streaming);

    /// <summary>The independent units of a comparison, for <see cref="Run(IReadOnlyList{string}, IReadOnlyList{IReadOnlyList{TruthBox}}, IReadOnlyList{long}, ResamplingUnits, IReadOnlyList{IReadOnlyList{Detection}}, IReadOnlyList{IReadOnlyList{Detection}}, BootstrapOptions, bool, StreamingProfile?)"/>.</summary>
    /// <exception cref="ArgumentException">The lists differ in length or a class name is unusable.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ResamplingUnits Units(IReadOnlyList<string> classNames, IReadOnlyList<IReadOnlyList<TruthBox>> truth, IReadOnlyList<long> timestampsNs,
        IReadOnlyList<IReadOnlyList<IReadOnlyList<Detection>>> runs, BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(timestampsNs);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(options);
        new MetricsOptions(classNames).Validate();
        options.Validate();
        if (timestampsNs.Count != truth.Count)
        {
            throw new ArgumentException($"Expected {truth.Count} timestamps, got {timestampsNs.Count}.", nameof(timestampsNs));
        }

        foreach (var run in runs)
        {
            ArgumentNullException.ThrowIfNull(run, nameof(runs));
            if (run.Count != truth.Count)
            {
                throw new ArgumentException(
                    $"Truth, timestamps and every run must have one entry per frame ({truth.Count} frames, a run of {run.Count}).", nameof(runs));
            }
        }

        return ResamplingUnits.Create(truth, timestampsNs, runs, options);
    }

    /// <summary>As <see cref="Run(IReadOnlyList{string}, IReadOnlyList{IReadOnlyList{TruthBox}}, IReadOnlyList{long}, IReadOnlyList{IReadOnlyList{Detection}}, IReadOnlyList{IReadOnlyList{Detection}}, BootstrapOptions, StreamingProfile?)"/> on units already made.</summary>
    internal static IReadOnlyDictionary<string, ChangeInterval> Run(IReadOnlyList<string> classNames, IReadOnlyList<IReadOnlyList<TruthBox>> truth,
        IReadOnlyList<long> timestampsNs, ResamplingUnits units, IReadOnlyList<IReadOnlyList<Detection>> baseline, IReadOnlyList<IReadOnlyList<Detection>> current,
        BootstrapOptions options, bool vectorized, StreamingProfile? streaming)
    {
        var weights = UnitWeights.Draw(units, options.Resamples, options.Seed, vectorized);

        // The two runs are scored independently over the same read-only weights, so the current run is scored on
        // another core while this thread scores the baseline (the bootstrap is a few percent of a run's wall time, on a
        // core the replay leaves idle). The baseline still fails first when both would, as when they ran one after the
        // other. The other thread takes this one's vector width, which a test may have forced.
        var width = VectorWidth.Current;
        var currentScored = Task.Run(() =>
        {
            using var forced = VectorWidth.Force(width);
            return Score(classNames, truth, timestampsNs, current, units, weights, vectorized, streaming);
        });
        var before = Score(classNames, truth, timestampsNs, baseline, units, weights, vectorized, streaming);
        return ChangeIntervals.Build(before, currentScored.GetAwaiter().GetResult(), options.Confidence);
    }

    /// <summary>One run's metric values in the full sample (lane 0) and in each resample (lane r + 1), NaN where undefined.</summary>
    internal static MetricSamples Samples(IReadOnlyList<string> classNames, IReadOnlyList<IReadOnlyList<TruthBox>> truth,
        IReadOnlyList<long> timestampsNs, IReadOnlyList<IReadOnlyList<Detection>> detections, BootstrapOptions options, bool vectorized = true,
        StreamingProfile? streaming = null)
    {
        var units = Units(classNames, truth, timestampsNs, [detections], options);
        return Score(classNames, truth, timestampsNs, detections, units, UnitWeights.Draw(units, options.Resamples, options.Seed, vectorized), vectorized, streaming);
    }

    /// <summary>Whether a clip of these units gets intervals: at least <see cref="MinimumUnits"/> independent draws.</summary>
    public static bool CanEstimate(ResamplingUnits units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return units.Independent >= MinimumUnits;
    }

    private static MetricSamples Score(IReadOnlyList<string> classNames, IReadOnlyList<IReadOnlyList<TruthBox>> truth, IReadOnlyList<long> timestampsNs,
        IReadOnlyList<IReadOnlyList<Detection>> detections, ResamplingUnits units, UnitWeights weights, bool vectorized, StreamingProfile? streaming)
    {
        var input = ResampleInput.Create(classNames, truth, detections, timestampsNs, units, weights, vectorized, streaming);
        var samples = new MetricSamples(new MetricLayout(classNames), weights.Lanes);
        for (var f = 0; f < MetricFamilies.Quality.Count; f++)
        {
            MetricFamilies.Quality[f].CreateScorer(input)!.Score(samples.Family(f));
        }

        return samples;
    }
}
