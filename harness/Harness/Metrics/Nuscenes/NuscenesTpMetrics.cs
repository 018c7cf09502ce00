namespace Harness.Metrics.Nuscenes;

/// <summary>The TP errors' names and the devkit's per-class rules about them.</summary>
internal static class NuscenesTpMetrics
{
    public static readonly IReadOnlyList<NuscenesTpMetric> All =
        [NuscenesTpMetric.Translation, NuscenesTpMetric.Scale, NuscenesTpMetric.Orientation, NuscenesTpMetric.Velocity, NuscenesTpMetric.Attribute];

    /// <summary>The devkit's metric name (<c>trans_err</c>, ...), as in its metrics.json.</summary>
    public static string Name(NuscenesTpMetric metric) => metric switch
    {
        NuscenesTpMetric.Translation => "trans_err",
        NuscenesTpMetric.Scale => "scale_err",
        NuscenesTpMetric.Orientation => "orient_err",
        NuscenesTpMetric.Velocity => "vel_err",
        _ => "attr_err",
    };

    /// <summary>The mean's name as the nuScenes paper prints it (mATE, ...).</summary>
    public static string Abbreviation(NuscenesTpMetric metric) => metric switch
    {
        NuscenesTpMetric.Translation => "ATE",
        NuscenesTpMetric.Scale => "ASE",
        NuscenesTpMetric.Orientation => "AOE",
        NuscenesTpMetric.Velocity => "AVE",
        _ => "AAE",
    };

    /// <summary>
    /// False where the devkit sets the class's error to NaN instead of measuring it: traffic cones have no
    /// orientation, velocity or attribute, barriers no velocity or attribute (they do not move).
    /// </summary>
    public static bool IsEvaluated(string className, NuscenesTpMetric metric) => className switch
    {
        "traffic_cone" => metric is NuscenesTpMetric.Translation or NuscenesTpMetric.Scale,
        "barrier" => metric is not (NuscenesTpMetric.Velocity or NuscenesTpMetric.Attribute),
        _ => true,
    };

    /// <summary>Barriers are symmetric front to back: their orientation is compared modulo π, every other class's modulo 2π.</summary>
    public static double OrientationPeriod(string className) => className == "barrier" ? Math.PI : 2 * Math.PI;
}
