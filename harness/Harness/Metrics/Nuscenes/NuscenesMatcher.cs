using Harness.Metrics.Coco;

namespace Harness.Metrics.Nuscenes;

/// <summary>
/// The devkit's greedy matching (accumulate in eval/detection/algo.py) of one class: predictions in descending score,
/// each taking the nearest untaken truth of its sample by centre distance when that distance is below the threshold.
/// </summary>
internal static class NuscenesMatcher
{
    /// <summary>
    /// The devkit's prediction order: it sorts (score, index) pairs ascending and reverses them, so scores descend and
    /// equal scores go last-listed first (index = position in the submission, samples in file order).
    /// </summary>
    public static IReadOnlyList<(int Sample, NuscenesBox Box)> ScoreOrder(IReadOnlyList<(int Sample, NuscenesBox Box)> predictions)
    {
        var n = predictions.Count;
        var reversedScores = new double[n];
        for (var i = 0; i < n; i++)
        {
            reversedScores[i] = predictions[n - 1 - i].Box.Score;
        }

        // Descending score with ties in ascending position of the reversed list: ties in descending submission position.
        return StableScoreOrder.SortAll(reversedScores).Select(p => predictions[n - 1 - p]).ToList();
    }

    /// <param name="truthBySample">The class's truth boxes of each sample, in file order; the first of equally near ones is taken.</param>
    /// <param name="ordered">The class's predictions in <see cref="ScoreOrder"/>, each with its sample's position in <paramref name="truthBySample"/>.</param>
    /// <param name="threshold">A match needs a distance strictly below it.</param>
    public static NuscenesMatches Match(IReadOnlyList<IReadOnlyList<NuscenesBox>> truthBySample, IReadOnlyList<(int Sample, NuscenesBox Box)> ordered, double threshold)
    {
        var taken = truthBySample.Select(t => new bool[t.Count]).ToArray();
        var scores = new double[ordered.Count];
        var isMatch = new bool[ordered.Count];
        var pairs = new List<(NuscenesBox, NuscenesBox)>();
        var truthCount = truthBySample.Sum(t => t.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (sample, prediction) = ordered[i];
            var candidates = truthBySample[sample];
            var nearest = -1;
            var nearestDistance = double.PositiveInfinity;
            for (var t = 0; t < candidates.Count; t++)
            {
                if (!taken[sample][t])
                {
                    var distance = NuscenesBoxErrors.CenterDistance(candidates[t], prediction);
                    if (distance < nearestDistance)
                    {
                        nearestDistance = distance;
                        nearest = t;
                    }
                }
            }

            scores[i] = prediction.Score;
            if (nearestDistance < threshold)
            {
                taken[sample][nearest] = true;
                isMatch[i] = true;
                pairs.Add((candidates[nearest], prediction));
            }
        }

        return new NuscenesMatches(truthCount, scores, isMatch, pairs);
    }
}
