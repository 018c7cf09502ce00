namespace Harness.Metrics.Nuscenes;

/// <summary>
/// The devkit's DetectionConfig. <see cref="Cvpr2019"/> holds the values of its <c>detection_cvpr_2019.json</c>, the
/// config every published nuScenes detection result uses.
/// </summary>
/// <param name="ClassRanges">Class name to the ego distance (m) a box must be closer than to be evaluated, in the config's order, which is the class order of every mean.</param>
/// <param name="DistanceThresholds">Centre distances (m) AP is computed at.</param>
/// <param name="TpDistanceThreshold">The distance the TP errors are measured at; one of <see cref="DistanceThresholds"/>.</param>
internal sealed record NuscenesConfig(
    IReadOnlyList<KeyValuePair<string, double>> ClassRanges,
    IReadOnlyList<double> DistanceThresholds,
    double TpDistanceThreshold,
    double MinRecall,
    double MinPrecision,
    int MaxBoxesPerSample,
    double MeanApWeight)
{
    /// <summary>The devkit's DETECTION_NAMES: a config must range exactly these classes.</summary>
    public static readonly IReadOnlyList<string> DetectionNames =
        ["car", "truck", "bus", "trailer", "construction_vehicle", "pedestrian", "motorcycle", "bicycle", "traffic_cone", "barrier"];

    /// <summary>The devkit's ATTRIBUTE_NAMES: a box's attribute is one of these or empty.</summary>
    public static readonly IReadOnlySet<string> AttributeNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "pedestrian.moving", "pedestrian.sitting_lying_down", "pedestrian.standing", "cycle.with_rider",
        "cycle.without_rider", "vehicle.moving", "vehicle.parked", "vehicle.stopped",
    };

    public static NuscenesConfig Cvpr2019 { get; } = new(
        [
            new("car", 50), new("truck", 50), new("bus", 50), new("trailer", 50), new("construction_vehicle", 50),
            new("pedestrian", 40), new("motorcycle", 40), new("bicycle", 40), new("traffic_cone", 30), new("barrier", 30),
        ],
        [0.5, 1.0, 2.0, 4.0],
        TpDistanceThreshold: 2.0,
        MinRecall: 0.1,
        MinPrecision: 0.1,
        MaxBoxesPerSample: 500,
        MeanApWeight: 5);

    public int ClassIndex(string name)
    {
        for (var c = 0; c < ClassRanges.Count; c++)
        {
            if (string.Equals(ClassRanges[c].Key, name, StringComparison.Ordinal))
            {
                return c;
            }
        }

        return -1;
    }
}
