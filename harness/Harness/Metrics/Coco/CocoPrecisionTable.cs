namespace Harness.Metrics.Coco;

/// <summary>
/// pycocotools' eval['precision'] [T x R x K x A x M] and eval['recall'] [T x K x A x M], -1 where a setting has no
/// non-ignored truth.
/// </summary>
internal sealed class CocoPrecisionTable
{
    private const int T = CocoParameters.IouCount;
    private const int R = CocoParameters.RecallCount;
    private const int A = CocoParameters.AreaCount;
    private const int M = CocoParameters.MaxDetCount;

    private readonly double[] _precision;
    private readonly double[] _recall;

    public CocoPrecisionTable(int categories)
    {
        Categories = categories;
        _precision = new double[T * R * categories * A * M];
        _recall = new double[T * categories * A * M];
        _precision.AsSpan().Fill(-1);
        _recall.AsSpan().Fill(-1);
    }

    public int Categories { get; }

    public double Precision(int iou, int recall, int category, int area, int maxDet) =>
        _precision[PrecisionIndex(iou, recall, category, area, maxDet)];

    public void SetPrecision(int iou, int recall, int category, int area, int maxDet, double value) =>
        _precision[PrecisionIndex(iou, recall, category, area, maxDet)] = value;

    public double Recall(int iou, int category, int area, int maxDet) => _recall[RecallIndex(iou, category, area, maxDet)];

    public void SetRecall(int iou, int category, int area, int maxDet, double value) =>
        _recall[RecallIndex(iou, category, area, maxDet)] = value;

    private int PrecisionIndex(int iou, int recall, int category, int area, int maxDet) =>
        (((((((iou * R) + recall) * Categories) + category) * A) + area) * M) + maxDet;

    private int RecallIndex(int iou, int category, int area, int maxDet) =>
        (((((iou * Categories) + category) * A) + area) * M) + maxDet;
}
