namespace Harness.Metrics;

/// <summary>
/// The target hardware a scenario declares for its streaming metrics (<c>streaming: { latency_ms: 45 }</c>): how long
/// one frame takes through the model there. The streaming metrics replay the clip at its recorded times with this
/// latency rather than the replay's measured one, so their values are the same on every machine and shard.
/// </summary>
/// <param name="LatencyNs">Positive: a model that answers the instant a frame arrives is what the offline metrics measure.</param>
public sealed record StreamingProfile(long LatencyNs);
