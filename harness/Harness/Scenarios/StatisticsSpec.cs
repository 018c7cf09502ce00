using Harness.Metrics.Bootstrap;

namespace Harness.Scenarios;

/// <summary>
/// The paired bootstrap behind every interval and the error rates the gate is held to: how many resamples, the seed
/// (same inputs and seed give byte-identical results), the units resampled, the block length of the frame stratum in
/// seconds of clip time (null: chosen from the data), the confidence of the intervals (the family-wise level of a
/// scenario's gated metrics), and the false discovery rate of its ungated metrics' warnings with the procedure that
/// controls it, and whether a gated metric's possible regression (point estimate beyond its allowance, interval not
/// wholly) fails the scenario: in the calibration study (docs/gating.md) the sure-regression rule alone caught a change
/// of twice an allowance in 0% to 100% of 600-frame segments depending on the gate, the point estimate in 87.5% to
/// 100%, while harmless changes never moved one past it.
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
