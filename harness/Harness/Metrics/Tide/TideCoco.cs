using System.Runtime.InteropServices;
using Harness.Metrics.Coco;

namespace Harness.Metrics.Tide;

/// <summary>
/// TIDE on a COCO dataset (what <c>harness eval-coco --tide</c> runs), read the way <see cref="CocoEvaluator"/> reads
/// it: every listed image, categories by ascending id, crowd annotations as ignore regions of their category (TIDE's
/// datasets.COCO does the same), detections of unknown categories dropped.
/// </summary>
internal static class TideCoco
{
    /// <summary>The breakdown, with the category id of each of its class indices.</summary>
    /// <exception cref="ArgumentException">A detection refers to an image that is not in the ground truth.</exception>
    public static (IReadOnlyList<int> CategoryIds, TideEvaluation Evaluation) Evaluate(CocoGroundTruth truth, IReadOnlyList<CocoDetection> detections)
    {
        var input = CocoInput.Create(truth, detections);
        var categories = input.CategoryIds.Length;
        var ledger = new TideLedger(categories);
        var imageTruth = new List<TideTruth>();
        var imageDetections = new List<TideDetection>();
        for (var i = 0; i < input.ImageIds.Length; i++)
        {
            imageTruth.Clear();
            imageDetections.Clear();
            for (var k = 0; k < categories; k++)
            {
                var bucket = input.Bucket(k, i);
                foreach (var g in input.TruthBuckets[bucket])
                {
                    imageTruth.Add(new TideTruth(k, input.TruthBoxes[g]));
                }

                foreach (var d in input.DetectionBuckets[bucket])
                {
                    var det = input.Detections[d];
                    imageDetections.Add(TideDetection.FromXywh(k, det.X, det.Y, det.Width, det.Height, det.Score));
                }
            }

            ledger.AddImage(CollectionsMarshal.AsSpan(imageTruth), CollectionsMarshal.AsSpan(imageDetections));
        }

        return (input.CategoryIds, ledger.Evaluate());
    }
}
