using Harness.Metrics;

namespace Harness.TestKit;

/// <summary>Every metric family over hand-made frames, scored as a replay scores them, for tests that count the expected values by hand.</summary>
internal static class FamilyMetrics
{
    /// <param name="classes">The evaluation classes; a detection's class id indexes them.</param>
    /// <param name="timestampsNs">
    /// Each frame's time; required with <paramref name="streaming"/>, which pairs frames by time. Without it every frame
    /// is added untimed, as the families that do not pair by time accept.
    /// </param>
    public static IReadOnlyDictionary<string, double> Of(
        IReadOnlyList<string> classes, TruthBox[][] truth, Detection[][] detections, StreamingProfile? streaming = null, IReadOnlyList<long>? timestampsNs = null)
    {
        var accumulator = new MetricsAccumulator(new MetricsOptions(classes, Streaming: streaming));
        for (var f = 0; f < truth.Length; f++)
        {
            if (timestampsNs is null)
            {
                accumulator.Add(truth[f], detections[f]);
            }
            else
            {
                accumulator.Add(timestampsNs[f], truth[f], detections[f]);
            }
        }

        return accumulator.Complete("s", "clip", "model", "digest").Metrics;
    }
}
