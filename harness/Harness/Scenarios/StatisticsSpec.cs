namespace Harness.Scenarios;

/// <summary>
/// The paired moving-block bootstrap behind every interval: how many resamples, the seed (same inputs and seed give
/// byte-identical results), the block length in seconds of clip time, and the interval's confidence.
/// </summary>
public sealed record StatisticsSpec(int Resamples, ulong Seed, double BlockSeconds, double Confidence);
