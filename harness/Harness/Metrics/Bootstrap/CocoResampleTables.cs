using Harness.Metrics.Coco;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// What one chunk of lanes of <see cref="CocoResampleScorer"/> passes from its walk to its summary: per lane, the
/// weighted truths and true positives and the interpolated precisions. A struct of arrays, held by value by each
/// stage, so reaching an array costs what a field of the stage's own would.
/// </summary>
internal readonly struct CocoResampleTables
{
    private const int Buckets = CocoParameters.RecallCount;
    private const int Areas = CocoParameters.AreaCount;
    private const int Ious = CocoParameters.IouCount;

    public CocoResampleTables(int classes, int width)
    {
        Classes = classes;
        Width = width;
        Precisions = new double[Ious * classes * width * Buckets];
        TruthCounts = new float[classes * Areas * width];
        HitCounts = new float[Areas * Ious * classes * width];
        TopHitCounts = new float[CocoCategoryTimeline.TopCounts * Ious * classes * width];
    }

    public int Classes { get; }

    /// <summary>Lanes per chunk.</summary>
    public int Width { get; }

    /// <summary>
    /// One lane's precision per recall bucket, then (after the suffix maximum) per recall threshold, laid out as
    /// [iou][category][lane][bucket]: lane-major, so a lane moving through its buckets touches adjacent memory.
    /// </summary>
    public double[] Precisions { get; }

    /// <summary>Weighted npig, laid out as [category][area][lane].</summary>
    public float[] TruthCounts { get; }

    /// <summary>Weighted true positives at maxDets 100, laid out as [area][iou][category][lane].</summary>
    public float[] HitCounts { get; }

    /// <summary>Weighted true positives among the top 1 and top 10 per image, laid out as [top][iou][category][lane].</summary>
    public float[] TopHitCounts { get; }

    public Span<float> Truths(int category, int area) => TruthCounts.AsSpan(((category * Areas) + area) * Width, Width);

    public Span<float> Hits(int area, int iou, int category) => HitCounts.AsSpan(((((area * Ious) + iou) * Classes) + category) * Width, Width);

    public Span<float> TopHits(int top, int iou, int category) =>
        TopHitCounts.AsSpan(((((top * Ious) + iou) * Classes) + category) * Width, Width);

    /// <summary>Start of one lane's buckets in <see cref="Precisions"/>.</summary>
    public int TableStart(int iou, int category, int lane) => ((((iou * Classes) + category) * Width) + lane) * Buckets;
}
