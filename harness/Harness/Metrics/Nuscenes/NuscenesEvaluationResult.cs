namespace Harness.Metrics.Nuscenes;

/// <summary>The nuScenes detection metrics of a submission (the devkit's DetectionMetrics).</summary>
/// <param name="Classes">Every class of the config, in its order, with truth or not.</param>
/// <param name="MeanAveragePrecision">mAP: the mean over all the config's classes of each class's mean AP over the distance thresholds.</param>
/// <param name="TpErrors">Per <see cref="NuscenesTpMetric"/>, the mean over the classes that evaluate it (mATE, mASE, mAOE, mAVE, mAAE).</param>
/// <param name="TpScores">Per <see cref="NuscenesTpMetric"/>, max(0, 1 - its mean error).</param>
/// <param name="DetectionScore">NDS: (mean_ap_weight · mAP + the sum of the TP scores) / (mean_ap_weight + 5).</param>
internal sealed record NuscenesEvaluationResult(
    NuscenesConfig Config,
    IReadOnlyList<NuscenesClassResult> Classes,
    double MeanAveragePrecision,
    IReadOnlyList<double> TpErrors,
    IReadOnlyList<double> TpScores,
    double DetectionScore);
