using System.Globalization;

namespace Harness.Running;

/// <summary>
/// Turns a frame's detections from model class ids into evaluation class ids (<see cref="ClassMap"/>), in place:
/// detections of an ignored model class are dropped. Runs once per frame, so it allocates nothing.
/// </summary>
internal static class DetectionClasses
{
    /// <exception cref="ScenarioInputException">A detection's class id is outside the model's classes; the message names the model.</exception>
    public static void ToEvaluation(ClassMap classes, List<Detection> detections, string modelSource)
    {
        var kept = 0;
        for (var i = 0; i < detections.Count; i++)
        {
            var detection = detections[i];
            if ((uint)detection.ClassId >= (uint)classes.ModelClasses.Count)
            {
                throw new ScenarioInputException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"model '{modelSource}' reported class id {detection.ClassId}, outside its {classes.ModelClasses.Count} classes [{string.Join(", ", classes.ModelClasses)}]: the scenario's model.classes do not match the model's output"));
            }

            var evaluation = classes.EvaluationClassOfModelClass(detection.ClassId);
            if (evaluation != ClassMap.IgnoreRegion)
            {
                detections[kept++] = detection with { ClassId = evaluation };
            }
        }

        detections.RemoveRange(kept, detections.Count - kept);
    }
}
