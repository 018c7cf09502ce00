using Harness.Metrics;

namespace Harness.Tests.Metrics.Nuscenes;

/// <summary>Values numpy 1.24 printed for np.interp(x, xp, fp, left, right) with these arguments.</summary>
public sealed class NumpyInterpTests
{
    [Fact]
    public void Repeated_sample_points_take_the_last_one_not_above_x()
    {
        double[] xp = [0, 0.5, 0.5, 0.5, 1];
        double[] fp = [1, 0.8, 0.6, 0.4, 0.2];
        double[] x = [0, 0.25, 0.5, 0.75, 1];
        var result = new double[x.Length];

        NumpyInterp.Interpolate(x, xp, fp, left: -1, right: -2, result);

        // np.interp([0, .25, .5, .75, 1], [0, .5, .5, .5, 1], [1, .8, .6, .4, .2]) == [1, .9, .4, .3, .2]
        Assert.Equal([1, 0.9, 0.4, 0.30000000000000004, 0.2], result);
    }

    [Fact]
    public void Outside_the_sample_points_left_and_right_apply()
    {
        double[] xp = [0.2, 0.4];
        double[] fp = [5, 7];
        double[] x = [0.1, 0.2, 0.3, 0.4, 0.5];
        var result = new double[x.Length];

        NumpyInterp.Interpolate(x, xp, fp, left: 1, right: 0, result);

        Assert.Equal([1, 5, 6, 7, 0], result);
    }
}
