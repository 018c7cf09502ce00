using Harness.Metrics.Nuscenes;

namespace Harness.Tests.Metrics.Nuscenes;

/// <summary>Boxes and submissions for hand-computed cases: a box at (x, y) in the ego frame, its ego distance from there.</summary>
internal static class NuscenesBoxes
{
    public static NuscenesBox Box(
        double x,
        double y,
        string name = "car",
        double score = -1,
        double yaw = 0,
        (double, double, double)? size = null,
        (double, double)? velocity = null,
        string attribute = "",
        int numPoints = -1) =>
        new(
            (x, y, 0.8),
            size ?? (1.9, 4.6, 1.7),
            (Math.Cos(yaw / 2), 0, 0, Math.Sin(yaw / 2)),
            velocity ?? (0, 0),
            Math.Sqrt((x * x) + (y * y)),
            numPoints,
            name,
            score,
            attribute);

    /// <summary>One submission of the given samples, named s0, s1, ...</summary>
    public static NuscenesSubmission Submission(params NuscenesBox[][] samples) =>
        new(samples.Select((boxes, s) => new NuscenesSample($"s{s}", boxes)).ToList());

    public static NuscenesEvaluationResult Evaluate(NuscenesSubmission truth, NuscenesSubmission predictions) =>
        NuscenesEvaluator.Evaluate(truth, predictions, NuscenesConfig.Cvpr2019);

    public static NuscenesClassResult Class(this NuscenesEvaluationResult result, string name) => result.Classes.Single(c => c.Name == name);

    public static double Error(this NuscenesClassResult result, NuscenesTpMetric metric) => result.TpErrors[(int)metric];
}
