namespace Harness.Metrics.Coco;

/// <summary>
/// pycocotools' default bbox parameters. The thresholds are built the way numpy.linspace builds them (i * step + start,
/// last element set to stop) so that comparisons and searchsorted see bit-identical values.
/// </summary>
internal static class CocoParameters
{
    public const int IouCount = 10;
    public const int RecallCount = 101;
    public const int AreaCount = 4;
    public const int MaxDetCount = 3;

    /// <summary>Index of IoU 0.50 and 0.75 in <see cref="IouThresholds"/>.</summary>
    public const int Iou50 = 0;
    public const int Iou75 = 5;

    public const int AreaAll = 0;
    public const int AreaSmall = 1;
    public const int AreaMedium = 2;
    public const int AreaLarge = 3;

    /// <summary>Index of maxDets 100 in <see cref="MaxDetections"/>.</summary>
    public const int MaxDet100 = 2;

    /// <summary>Machine epsilon, numpy.spacing(1), added to precision denominators.</summary>
    public const double Epsilon = 2.220446049250313e-16;

    // Spans over static arrays: a span property returning a collection literal would allocate on every access
    // in unoptimized builds.
    private static readonly int[] MaxDetectionValues = [1, 10, 100];
    private static readonly double[] AreaLowerValues = [0, 0, 32 * 32, 96 * 96];
    private static readonly double[] AreaUpperValues = [1e10, 32 * 32, 96 * 96, 1e10];

    public static ReadOnlySpan<int> MaxDetections => MaxDetectionValues;

    public static ReadOnlySpan<double> AreaLower => AreaLowerValues;

    public static ReadOnlySpan<double> AreaUpper => AreaUpperValues;

    public static readonly double[] IouThresholds = Linspace(0.5, 0.95, IouCount);

    public static readonly double[] RecallThresholds = Linspace(0.0, 1.0, RecallCount);

    private static double[] Linspace(double start, double stop, int count)
    {
        var step = (stop - start) / (count - 1);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (i * step) + start;
        }

        values[^1] = stop;
        return values;
    }
}
