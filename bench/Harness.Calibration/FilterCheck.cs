using Harness.Metrics;

namespace Harness.Calibration;

/// <summary>
/// The study derives every threshold change by filtering one low-threshold replay (<see cref="ScoreFilter"/>). It
/// checks that claim on one clip: the filtered replay must equal the scenario's model replayed at its own threshold,
/// detection for detection, bit for bit.
/// </summary>
internal static class FilterCheck
{
    public static void Verify(StudyPlan plan, Func<StudyClip, ModelVariant, IReadOnlyList<ScoredFrame>> detections)
    {
        var clip = plan.Seeds[0];
        var filtered = ScoreFilter.Above(detections(clip, ModelVariant.Base), plan.Scenario.Postprocess.ScoreThreshold);
        var replayed = detections(clip, ModelVariant.AtOwnThreshold);
        for (var f = 0; f < replayed.Count; f++)
        {
            if (!filtered[f].Detections.SequenceEqual(replayed[f].Detections))
            {
                throw new InvalidOperationException(
                    $"{plan.Scenario.Id}: on {clip.Name}, frame {replayed[f].Index}, the replay at {ModelVariant.FloorThreshold} filtered at the scenario's threshold differs from the replay at that threshold");
            }
        }
    }
}
