using System.Globalization;

namespace Harness.Gate;

/// <summary>Rounds metric values to the precision baselines are stored at, so snapshots are stable and comparable.</summary>
internal static class SignificantDigits
{
    public const int Baseline = 6;

    public static double Round(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value;
        }

        return double.Parse(value.ToString("G" + Baseline, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>Both sides of a comparison are rounded to the same significant digits; only differences beyond half a unit of the last count.</summary>
    public static double Slack(double reference) =>
        Math.Max(Math.Abs(reference), 1e-12) * Math.Pow(10, -Baseline) / 2;
}
