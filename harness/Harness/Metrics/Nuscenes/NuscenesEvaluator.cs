namespace Harness.Metrics.Nuscenes;

/// <summary>
/// nuScenes detection evaluation as the devkit's DetectionEval runs it (eval/detection/evaluate.py and algo.py): boxes
/// filtered by class range and lidar points, then per class greedy centre-distance matching, AP at each distance
/// threshold and TP errors at the TP threshold, then mAP, the mean TP errors and NDS over the config's classes.
/// </summary>
internal static class NuscenesEvaluator
{
    /// <param name="predictions">Every sample must be one of <paramref name="truth"/>'s (<see cref="NuscenesSubmissionReader"/> checks it); a truth sample it lacks has no predictions.</param>
    public static NuscenesEvaluationResult Evaluate(NuscenesSubmission truth, NuscenesSubmission predictions, NuscenesConfig config)
    {
        var sampleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < truth.Samples.Count; s++)
        {
            sampleIndex.Add(truth.Samples[s].Token, s);
        }

        var classes = config.ClassRanges.Select(range => EvaluateClass(truth, predictions, sampleIndex, range.Key, range.Value, config)).ToList();
        var meanAp = classes.Select(c => c.MeanAveragePrecision).Average();
        var tpErrors = NuscenesTpMetrics.All.Select(m => NanMean(classes.Select(c => c.TpErrors[(int)m]))).ToList();

        // Python's max(0.0, 1 - error): a NaN error (no class evaluates it) scores 0.
        var tpScores = tpErrors.Select(e => 1 - e > 0 ? 1 - e : 0).ToList();
        var nds = ((config.MeanApWeight * meanAp) + tpScores.Sum()) / (config.MeanApWeight + tpScores.Count);
        return new NuscenesEvaluationResult(config, classes, meanAp, tpErrors, tpScores, nds);
    }

    /// <summary>
    /// The devkit's filter_eval_boxes without its bike-rack step (that needs the map database): a box is evaluated when
    /// its ego distance is below its class's range and it does not have exactly 0 lidar points (-1: not given).
    /// </summary>
    public static bool IsEvaluated(NuscenesBox box, double classRange) => box.EgoDistance < classRange && box.NumPoints != 0;

    private static NuscenesClassResult EvaluateClass(
        NuscenesSubmission truth, NuscenesSubmission predictions, Dictionary<string, int> sampleIndex, string name, double range, NuscenesConfig config)
    {
        bool OfClass(NuscenesBox box) => string.Equals(box.DetectionName, name, StringComparison.Ordinal) && IsEvaluated(box, range);

        var truthBySample = truth.Samples.Select(s => (IReadOnlyList<NuscenesBox>)s.Boxes.Where(OfClass).ToList()).ToList();
        var classPredictions = predictions.Samples
            .SelectMany(s => s.Boxes.Where(OfClass).Select(box => (sampleIndex[s.Token], box)))
            .ToList();
        var ordered = NuscenesMatcher.ScoreOrder(classPredictions);
        var averagePrecisions = new double[config.DistanceThresholds.Count];
        var tpCurve = NuscenesMetricCurve.NoPredictions;
        for (var k = 0; k < averagePrecisions.Length; k++)
        {
            var threshold = config.DistanceThresholds[k];
            var curve = NuscenesMetricCurve.From(NuscenesMatcher.Match(truthBySample, ordered, threshold), name);
            averagePrecisions[k] = NuscenesAveragePrecision.Compute(curve, config.MinRecall, config.MinPrecision);
            if (threshold == config.TpDistanceThreshold)
            {
                tpCurve = curve;
            }
        }

        var tpErrors = NuscenesTpMetrics.All
            .Select(m => NuscenesTpMetrics.IsEvaluated(name, m) ? NuscenesTpError.Compute(tpCurve, config.MinRecall, m) : double.NaN)
            .ToList();
        return new NuscenesClassResult(name, truthBySample.Sum(t => t.Count), classPredictions.Count, averagePrecisions, tpErrors);
    }

    /// <summary>numpy.nanmean: the mean of the values that are not NaN; NaN when all are.</summary>
    private static double NanMean(IEnumerable<double> values)
    {
        var measured = values.Where(v => !double.IsNaN(v)).ToList();
        return measured.Count == 0 ? double.NaN : measured.Average();
    }
}
