using Harness.Metrics.Bootstrap;

namespace Harness.Scenarios;

/// <summary>
/// The paired bootstrap behind every interval and the error rates the gate is held to: how many resamples, the seed
/// (same inputs and seed give byte-identical results), the units resampled, the block length of the frame stratum in
/// seconds of clip time (null: chosen from the data), the confidence of the intervals (the family-wise level of a
/// scenario's gated metrics), and the false discovery rate of its ungated metrics' warnings with the procedure that
/// controls it, and whether a gated metric's possible regression (point estimate beyond its allowance, interval not
/// wholly) fails the scenario: the calibration study (docs/gating.md) found the sure-regression rule alone catches a
/// change of twice an allowance in a fifth of 600-frame clips, the point estimate in nearly all, while harmless changes
/// never moved one past it.
/// </summary>
public sealed record StatisticsSpec(
    int Resamples,
    ulong Seed,
    double? BlockSeconds,
    double Confidence,
    ResamplingUnit Units = ResamplingUnit.TracksAndFrames,
    double FalseDiscoveryRate = 0.05,
    FalseDiscoveryProcedure Procedure = FalseDiscoveryProcedure.BenjaminiHochberg,
    bool PossibleRegressionFails = true);
