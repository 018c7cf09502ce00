namespace Harness.Metrics.Nuscenes;

/// <summary>The five true-positive errors, in the devkit's TP_METRICS order.</summary>
internal enum NuscenesTpMetric
{
    /// <summary>ATE: centre distance in the ground plane, m.</summary>
    Translation,

    /// <summary>ASE: 1 - scale IoU.</summary>
    Scale,

    /// <summary>AOE: yaw difference, rad.</summary>
    Orientation,

    /// <summary>AVE: velocity error, m/s.</summary>
    Velocity,

    /// <summary>AAE: 1 - attribute accuracy.</summary>
    Attribute,
}
