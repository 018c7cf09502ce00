namespace Harness.Metrics.Coco;

/// <summary>
/// The 12 numbers pycocotools' summarize() prints for bbox evaluation, in its order. -1 means no setting had ground
/// truth to average over.
/// </summary>
public sealed record CocoStats(
    double AP,
    double AP50,
    double AP75,
    double APSmall,
    double APMedium,
    double APLarge,
    double AR1,
    double AR10,
    double AR100,
    double ARSmall,
    double ARMedium,
    double ARLarge)
{
    /// <summary>The names pycocotools-based tools use for the 12 stats, in summarize() order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["AP", "AP50", "AP75", "AP_small", "AP_medium", "AP_large", "AR1", "AR10", "AR100", "AR_small", "AR_medium", "AR_large"];

    /// <summary>The 12 values in summarize() order, paired with <see cref="Names"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> ToNamedValues()
    {
        double[] values = [AP, AP50, AP75, APSmall, APMedium, APLarge, AR1, AR10, AR100, ARSmall, ARMedium, ARLarge];
        var named = new KeyValuePair<string, double>[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            named[i] = new KeyValuePair<string, double>(Names[i], values[i]);
        }

        return named;
    }
}
