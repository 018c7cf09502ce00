using System.Globalization;

namespace Harness.Suite;

/// <summary>
/// The score thresholds of <c>harness compare --sweep postprocess.score_threshold=START:STOP:STEP</c>: START, START +
/// STEP, ... up to STOP inclusive (to within a millionth, so 0.1:0.6:0.05 has its 11 points whatever the float sums
/// give), each rounded to six decimals. Only the score threshold is swept: it is the one setting every value of which one
/// replay at the lowest gives exactly (<see cref="Metrics.Sweep.ThresholdSweep"/>).
/// </summary>
internal sealed record SweepRange(double Start, double Stop, double Step)
{
    public const string Setting = "postprocess.score_threshold";

    /// <summary>More points than this is a typo in STEP, not a sweep anyone reads.</summary>
    public const int MaxPoints = 200;

    public IReadOnlyList<double> Thresholds
    {
        get
        {
            var count = (int)Math.Floor(((Stop - Start) / Step) + 1e-6) + 1;
            return [.. Enumerable.Range(0, count).Select(i => Math.Round(Start + (i * Step), 6))];
        }
    }

    /// <exception cref="FormatException">Not <c>postprocess.score_threshold=START:STOP:STEP</c> with 0 &lt;= START &lt;= STOP &lt; 1, STEP &gt; 0 and at most <see cref="MaxPoints"/> points.</exception>
    public static SweepRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0 || text[..equals] != Setting)
        {
            throw new FormatException($"--sweep {text}: only {Setting} can be swept from one replay, as {Setting}=START:STOP:STEP (e.g. {Setting}=0.1:0.6:0.05)");
        }

        var parts = text[(equals + 1)..].Split(':');
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
        if (parts.Length != 3 || numbers.Any(double.IsNaN))
        {
            throw new FormatException($"--sweep {text}: expected START:STOP:STEP, three numbers (e.g. 0.1:0.6:0.05)");
        }

        var range = new SweepRange(numbers[0], numbers[1], numbers[2]);
        if (!(range.Start >= 0 && range.Start <= range.Stop && range.Stop < 1 && range.Step > 0))
        {
            throw new FormatException($"--sweep {text}: thresholds must satisfy 0 <= START <= STOP < 1 and STEP > 0");
        }

        var points = Math.Floor(((range.Stop - range.Start) / range.Step) + 1e-6) + 1;
        return points <= MaxPoints
            ? range
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"--sweep {text}: {points} thresholds, more than {MaxPoints}; widen STEP"));
    }
}
