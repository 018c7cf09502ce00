namespace Harness.Metrics.Nuscenes;

/// <summary>
/// The devkit's DetectionMetricData: precision, the score reached and each TP error's running mean, sampled at the
/// 101 recalls 0, 0.01, ..., 1 (numpy.linspace's values). Built as accumulate builds it: precision and score
/// interpolated over the recall of every prediction (0 beyond the recall reached), each error's cumulative mean over
/// the matches interpolated over the match scores at the sampled scores.
/// </summary>
internal sealed class NuscenesMetricCurve
{
    public const int Points = 101;

    private NuscenesMetricCurve(double[] precision, double[] confidence, double[][] errors)
    {
        Precision = precision;
        Confidence = confidence;
        Errors = errors;
    }

    public IReadOnlyList<double> Precision { get; }

    /// <summary>The score at each sampled recall; 0 past the highest recall reached.</summary>
    public IReadOnlyList<double> Confidence { get; }

    /// <summary>Per <see cref="NuscenesTpMetric"/>, the running mean error at each sampled recall.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Errors { get; }

    /// <summary>
    /// The last sampled recall whose score is not 0, the devkit's max_recall_ind (0 when all are). A prediction
    /// scored exactly 0 reads as "beyond the recall reached" here, as it does in the devkit.
    /// </summary>
    public int MaxRecallIndex
    {
        get
        {
            for (var i = Points - 1; i >= 0; i--)
            {
                if (Confidence[i] != 0)
                {
                    return i;
                }
            }

            return 0;
        }
    }

    /// <summary>No truth, or no match: precision and score 0, every error 1 (the devkit's no_predictions).</summary>
    public static NuscenesMetricCurve NoPredictions { get; } = new(
        new double[Points],
        new double[Points],
        NuscenesTpMetrics.All.Select(_ => Enumerable.Repeat(1.0, Points).ToArray()).ToArray());

    /// <summary>The sampled recalls as numpy.linspace(0, 1, 101) computes them: i · 0.01, the last exactly 1.</summary>
    private static readonly double[] RecallPoints = Enumerable.Range(0, Points).Select(i => i == Points - 1 ? 1.0 : i * (1.0 / (Points - 1))).ToArray();

    public static NuscenesMetricCurve From(NuscenesMatches matches, string className)
    {
        if (matches.TruthCount == 0 || matches.Pairs.Count == 0)
        {
            return NoPredictions;
        }

        var n = matches.Scores.Count;
        var recall = new double[n];
        var precision = new double[n];
        double truePositives = 0, falsePositives = 0;
        for (var i = 0; i < n; i++)
        {
            if (matches.IsMatch[i])
            {
                truePositives++;
            }
            else
            {
                falsePositives++;
            }

            precision[i] = truePositives / (falsePositives + truePositives);
            recall[i] = truePositives / matches.TruthCount;
        }

        var sampledPrecision = new double[Points];
        var sampledConfidence = new double[Points];
        var scores = matches.Scores.ToArray();
        NumpyInterp.Interpolate(RecallPoints, recall, precision, precision[0], 0, sampledPrecision);
        NumpyInterp.Interpolate(RecallPoints, recall, scores, scores[0], 0, sampledConfidence);

        // The running means are read at the sampled scores; numpy.interp needs ascending sample points, so both the
        // match scores and the sampled scores are turned around, and the result back.
        var matchScores = Reversed(matches.Pairs.Select(p => p.Prediction.Score).ToArray());
        var ascendingConfidence = Reversed(sampledConfidence);
        var period = NuscenesTpMetrics.OrientationPeriod(className);
        var errors = new double[NuscenesTpMetrics.All.Count][];
        foreach (var metric in NuscenesTpMetrics.All)
        {
            var runningMean = CumulativeMean(matches.Pairs.Select(p => Error(metric, p.Truth, p.Prediction, period)).ToArray());
            var ascendingMean = Reversed(runningMean);
            var sampled = new double[Points];
            NumpyInterp.Interpolate(ascendingConfidence, matchScores, ascendingMean, ascendingMean[0], ascendingMean[^1], sampled);
            Array.Reverse(sampled);
            errors[(int)metric] = sampled;
        }

        return new NuscenesMetricCurve(sampledPrecision, sampledConfidence, errors);
    }

    private static double[] Reversed(double[] values)
    {
        var copy = (double[])values.Clone();
        Array.Reverse(copy);
        return copy;
    }

    private static double Error(NuscenesTpMetric metric, NuscenesBox truth, NuscenesBox prediction, double period) => metric switch
    {
        NuscenesTpMetric.Translation => NuscenesBoxErrors.CenterDistance(truth, prediction),
        NuscenesTpMetric.Scale => NuscenesBoxErrors.ScaleError(truth, prediction),
        NuscenesTpMetric.Orientation => NuscenesBoxErrors.OrientationError(truth, prediction, period),
        NuscenesTpMetric.Velocity => NuscenesBoxErrors.VelocityError(truth, prediction),
        _ => NuscenesBoxErrors.AttributeError(truth, prediction),
    };

    /// <summary>
    /// The devkit's cummean: the mean of the non-NaN values so far, 0 while there are none yet, and all ones when
    /// every value is NaN (an error nothing measured counts as the worst).
    /// </summary>
    internal static double[] CumulativeMean(ReadOnlySpan<double> values)
    {
        var means = new double[values.Length];
        double sum = 0;
        var count = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                sum += values[i];
                count++;
            }

            means[i] = count == 0 ? 0 : sum / count;
        }

        if (count == 0)
        {
            Array.Fill(means, 1.0);
        }

        return means;
    }
}
