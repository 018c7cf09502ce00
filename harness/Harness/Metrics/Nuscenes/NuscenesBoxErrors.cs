namespace Harness.Metrics.Nuscenes;

/// <summary>
/// The devkit's per-match error measures (eval/common/utils.py): centre distance and velocity error in the ground
/// plane, 1 - scale IoU, yaw difference with a period, attribute error. Each is computed as the devkit computes it,
/// so ties and thresholds fall the same way.
/// </summary>
internal static class NuscenesBoxErrors
{
    /// <summary>Euclidean distance of the centres in x and y (the bird's-eye view): the matching distance and ATE.</summary>
    public static double CenterDistance(NuscenesBox truth, NuscenesBox prediction)
    {
        var dx = prediction.Translation.X - truth.Translation.X;
        var dy = prediction.Translation.Y - truth.Translation.Y;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    /// <summary>Euclidean distance of the velocities; NaN when either is unknown, which the error means then skip.</summary>
    public static double VelocityError(NuscenesBox truth, NuscenesBox prediction)
    {
        var dx = prediction.Velocity.X - truth.Velocity.X;
        var dy = prediction.Velocity.Y - truth.Velocity.Y;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    /// <summary>1 - the IoU of the two boxes aligned on one centre and heading: only their sizes count.</summary>
    public static double ScaleError(NuscenesBox truth, NuscenesBox prediction)
    {
        var (tw, tl, th) = truth.Size;
        var (pw, pl, ph) = prediction.Size;
        var intersection = Math.Min(tw, pw) * Math.Min(tl, pl) * Math.Min(th, ph);
        var union = (tw * tl * th) + (pw * pl * ph) - intersection;
        return 1 - (intersection / union);
    }

    /// <summary>
    /// |yaw difference| in [0, π] with <paramref name="period"/> (2π; π for barriers, whose heading is only defined up
    /// to a half turn), as the devkit's angle_diff: floor modulo, then (π, 2π] shifted down a turn.
    /// </summary>
    public static double OrientationError(NuscenesBox truth, NuscenesBox prediction, double period)
    {
        var shifted = FloorModulo(Yaw(truth.Rotation) - Yaw(prediction.Rotation) + (period / 2), period) - (period / 2);
        return Math.Abs(shifted > Math.PI ? shifted - (2 * Math.PI) : shifted);
    }

    /// <summary>1 - attribute accuracy; NaN when the truth has no attribute (skipped by the error means, as in the devkit).</summary>
    public static double AttributeError(NuscenesBox truth, NuscenesBox prediction) =>
        truth.AttributeName.Length == 0 ? double.NaN
        : string.Equals(truth.AttributeName, prediction.AttributeName, StringComparison.Ordinal) ? 0 : 1;

    /// <summary>
    /// The heading of the rotated x axis in the ground plane: atan2 of the first column of the quaternion's rotation
    /// matrix. Its entries scale with |q|², so the quaternion needs no normalising; the zero quaternion gives 0, as
    /// pyquaternion's all-zero matrix does.
    /// </summary>
    public static double Yaw((double W, double X, double Y, double Z) q) =>
        Math.Atan2(2 * ((q.X * q.Y) + (q.W * q.Z)), (q.W * q.W) + (q.X * q.X) - (q.Y * q.Y) - (q.Z * q.Z));

    /// <summary>Python's float %: the remainder takes the divisor's sign.</summary>
    private static double FloorModulo(double value, double divisor)
    {
        var remainder = value % divisor;
        return remainder != 0 && (remainder < 0) != (divisor < 0) ? remainder + divisor : remainder;
    }
}
