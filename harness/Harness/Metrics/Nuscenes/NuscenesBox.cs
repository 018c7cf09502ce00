namespace Harness.Metrics.Nuscenes;

/// <summary>
/// One box of a nuScenes submission (the devkit's DetectionBox): centre, size (width, length, height) and rotation
/// (a quaternion w, x, y, z) in the ego frame, velocity in the ground plane (NaN where unknown, as the devkit's
/// database gives for some truth), the distance the class range is judged on, lidar points (-1 when not given),
/// class, score (-1 for truth) and attribute ("" for none).
/// </summary>
internal sealed record NuscenesBox(
    (double X, double Y, double Z) Translation,
    (double Width, double Length, double Height) Size,
    (double W, double X, double Y, double Z) Rotation,
    (double X, double Y) Velocity,
    double EgoDistance,
    int NumPoints,
    string DetectionName,
    double Score,
    string AttributeName);
