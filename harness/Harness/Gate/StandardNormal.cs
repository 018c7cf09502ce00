namespace Harness.Gate;

/// <summary>
/// The standard normal distribution's CDF and quantile, for the gate's power statements and its design rule. The CDF
/// is 1/2 erfc(-x / sqrt 2) with the Chebyshev erfc of Numerical Recipes (Press et al., 3rd ed., 6.2.2; relative error
/// under 1.2e-7); the quantile is Wichura's AS 241 (PPND16, Applied Statistics 37, 1988; relative error about 1e-16).
/// </summary>
internal static class StandardNormal
{
    public static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in (0, 1).</exception>
    public static double Quantile(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A quantile needs a probability strictly between 0 and 1.");
        }

        var q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            var r = 0.180625 - (q * q);
            return q * Horner(CentralNumerator, r) / Horner(CentralDenominator, r);
        }

        var s = Math.Sqrt(-Math.Log(q < 0 ? p : 1 - p));
        var value = s <= 5
            ? Horner(MiddleNumerator, s - 1.6) / Horner(MiddleDenominator, s - 1.6)
            : Horner(TailNumerator, s - 5) / Horner(TailDenominator, s - 5);
        return q < 0 ? -value : value;
    }

    /// <summary>c[0] + c[1] x + ... + c[n] x^n.</summary>
    private static double Horner(double[] c, double x)
    {
        var sum = 0.0;
        for (var i = c.Length - 1; i >= 0; i--)
        {
            sum = (sum * x) + c[i];
        }

        return sum;
    }

    private static readonly double[] CentralNumerator =
    [
        3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457,
        67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
    ];

    private static readonly double[] CentralDenominator =
    [
        1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061,
        28729.085735721942674, 5226.495278852545925,
    ];

    private static readonly double[] MiddleNumerator =
    [
        1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258,
        0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
    ];

    private static readonly double[] MiddleDenominator =
    [
        1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966,
        5.475938084995344946e-4, 1.05075007164441684324e-9,
    ];

    private static readonly double[] TailNumerator =
    [
        6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093,
        0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
    ];

    private static readonly double[] TailDenominator =
    [
        1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
        1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
    ];

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 2 / (2 + z);
        var ty = (4 * t) - 2;
        double d = 0, dd = 0;
        for (var j = Coefficients.Length - 1; j > 0; j--)
        {
            (d, dd) = ((ty * d) - dd + Coefficients[j], d);
        }

        var result = t * Math.Exp((-z * z) + (0.5 * (Coefficients[0] + (ty * d))) - dd);
        return x >= 0 ? result : 2 - result;
    }

    private static readonly double[] Coefficients =
    [
        -1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2, -9.561514786808631e-3, -9.46595344482036e-4,
        3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6, 1.303655835580e-6,
        1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10, -2.27365122e-10,
        9.6467911e-11, 2.394038e-12, -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15,
        -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17,
    ];
}
