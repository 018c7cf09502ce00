using Harness.Metrics.Bootstrap;

namespace Harness.Metrics.Families.Streaming;

/// <summary>
/// The streaming metrics in every lane: each frame's truth paired once with the detections the schedule shows it, then
/// the COCO family's scorer run on those pairs (each shown detection belonging to a unit of the frame it is scored in,
/// as the accumulator scores it), its AP and AP50 slots copied into this family's. A resample draws pairs, never
/// re-runs the schedule: what the target showed at a frame's time does not change with which frames were drawn.
/// </summary>
internal sealed class StreamingScorer(ResampleInput input) : IResampleScorer
{
    public void Score(MetricSlots slots)
    {
        if (input.Streaming is not { } profile)
        {
            return;
        }

        var sources = StreamingSchedule.Sources(input.TimestampsNs, profile.LatencyNs);
        var shown = sources.Select(IReadOnlyList<Detection> (source) => source < 0 ? [] : input.Detections[source]).ToList();
        var cocoFamily = MetricFamilies.Quality.Select((family, index) => (family, index)).Single(pair => pair.family is CocoFamily).index;
        var paired = ResampleInput.Create(input.ClassNames, input.Truth, shown, input.TimestampsNs, input.Units, input.Weights, input.Vectorized, streaming: null);

        // The COCO scorer writes at the COCO family's slots of a whole layout; only those of this scratch copy are read.
        var scratch = new MetricSamples(new MetricLayout(input.ClassNames), slots.Lanes);
        var from = scratch.Family(cocoFamily);
        MetricFamilies.Quality[cocoFamily].CreateScorer(paired)!.Score(from);
        for (var s = 0; s < StreamingFamily.Stats.Count; s++)
        {
            Copy(from, CocoFamily.Stat(s), slots, StreamingFamily.Pooled(s));
            for (var k = 0; k < input.ClassNames.Count; k++)
            {
                Copy(from, s == 0 ? CocoFamily.ClassAP(k) : CocoFamily.ClassAP50(k), slots, StreamingFamily.PerClass(s, k));
            }
        }
    }

    private static void Copy(MetricSlots from, int source, MetricSlots to, int target)
    {
        from.Values(source).CopyTo(to.Values(target));
        to.SetSupport(target, from.Support(source));
    }
}
