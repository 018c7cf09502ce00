namespace Harness.Metrics.Coco;

/// <summary>
/// COCO bbox evaluation with the semantics of pycocotools COCOeval (iouType bbox, default parameters): evaluate(),
/// accumulate() and summarize() on in-memory ground truth and detections.
/// </summary>
public static class CocoEvaluator
{
    /// <exception cref="ArgumentException">A detection refers to an image id that the ground truth does not list.</exception>
    public static CocoEvaluationResult Evaluate(CocoGroundTruth truth, IReadOnlyList<CocoDetection> detections)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(detections);
        var input = CocoInput.Create(truth, detections);
        var table = new CocoPrecisionTable(input.CategoryIds.Length);
        var matcher = new CocoCategoryMatcher(input);
        for (var k = 0; k < input.CategoryIds.Length; k++)
        {
            CocoCategoryAccumulation.Accumulate(matcher.Match(k), k, table);
        }

        return CocoSummary.Summarize(table, input.CategoryIds);
    }
}
