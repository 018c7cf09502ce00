namespace Harness.Metrics.Nuscenes;

/// <summary>One class's nuScenes metrics.</summary>
/// <param name="TruthCount">Truth boxes evaluated (inside the class range, not without lidar points); 0 gives AP 0 and TP errors 1, as in the devkit.</param>
/// <param name="PredictionCount">Predictions evaluated (inside the class range).</param>
/// <param name="AveragePrecisions">AP at each of the config's distance thresholds, in its order.</param>
/// <param name="TpErrors">Per <see cref="NuscenesTpMetric"/>, the error at the TP threshold; NaN where the devkit does not evaluate it for the class.</param>
internal sealed record NuscenesClassResult(
    string Name,
    int TruthCount,
    int PredictionCount,
    IReadOnlyList<double> AveragePrecisions,
    IReadOnlyList<double> TpErrors)
{
    /// <summary>The class's AP averaged over the distance thresholds.</summary>
    public double MeanAveragePrecision => AveragePrecisions.Average();
}
