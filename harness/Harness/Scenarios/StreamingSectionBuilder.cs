using System.Globalization;
using Harness.Metrics;

namespace Harness.Scenarios;

/// <summary>The streaming section: the latency of one frame through the model on the target hardware, in milliseconds.</summary>
internal sealed class StreamingSectionBuilder
{
    /// <summary>A minute: a model slower than that shows a clip nothing, and every sum of clip times with it stays far from overflow.</summary>
    private const double MaxLatencyMs = 60_000;

    private double? _latencyMs;

    public bool Declared => _latencyMs is not null;

    public void Set(double latencyMs) => _latencyMs = latencyMs;

    /// <summary>The profile, null when the scenario declares none or its latency has a problem.</summary>
    public StreamingProfile? Build(FieldProblems problems)
    {
        if (_latencyMs is not { } latencyMs)
        {
            return null;
        }

        var latencyNs = Math.Round(latencyMs * 1e6, MidpointRounding.ToEven);
        if (!(latencyNs >= 1 && latencyMs <= MaxLatencyMs))
        {
            problems.Add("streaming.latency_ms", string.Create(CultureInfo.InvariantCulture, $"must be greater than 0 (at least a nanosecond) and at most {MaxLatencyMs}, found {latencyMs}"));
            return null;
        }

        return new StreamingProfile((long)latencyNs);
    }
}
