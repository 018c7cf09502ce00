using System.Globalization;

namespace Harness.Scenarios;

/// <summary>An allowed change, either absolute (0.005) or relative to the baseline value (20%).</summary>
public readonly record struct Tolerance(double Amount, bool Relative)
{
    public double AbsoluteFor(double baseline) => Relative ? Math.Abs(baseline) * Amount : Amount;

    public override string ToString() =>
        Relative
            ? (Amount * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%"
            : Amount.ToString("0.######", CultureInfo.InvariantCulture);
}
