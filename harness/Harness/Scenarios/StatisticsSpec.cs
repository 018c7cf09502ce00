using Harness.Metrics.Bootstrap;

namespace Harness.Scenarios;

/// <summary>
/// The paired bootstrap behind every interval and the error rates the gate is held to: how many resamples, the seed
/// (same inputs and seed give byte-identical results), the units resampled, the block length of the frame stratum in
/// seconds of clip time (null: chosen from the data), the confidence of the intervals (the family-wise level of a
/// scenario's gated metrics), and the false discovery rate of its ungated metrics' warnings with the procedure that
/// controls it.
/// </summary>
public sealed record StatisticsSpec(
    int Resamples,
    ulong Seed,
    double? BlockSeconds,
    double Confidence,
    ResamplingUnit Units = ResamplingUnit.TracksAndFrames,
    double FalseDiscoveryRate = 0.05,
    FalseDiscoveryProcedure Procedure = FalseDiscoveryProcedure.BenjaminiHochberg);
