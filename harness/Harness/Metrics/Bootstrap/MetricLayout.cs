using Harness.Metrics.Families;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// Every quality (non-timing) metric name the registered families write for a class list, each at a fixed slot so that
/// the scorers write per-resample values into flat arrays: each family's names in its own order, the families in
/// registration order (<see cref="MetricFamilies.Quality"/>).
/// </summary>
internal sealed class MetricLayout
{
    private readonly int[] _starts;

    public MetricLayout(IReadOnlyList<string> classNames)
    {
        var names = new List<string>();
        _starts = new int[MetricFamilies.Quality.Count];
        for (var f = 0; f < _starts.Length; f++)
        {
            _starts[f] = names.Count;
            names.AddRange(MetricFamilies.Quality[f].Names(classNames));
        }

        Names = names;
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    /// <summary>The slot of <paramref name="name"/>, or -1 when no family writes it for these classes.</summary>
    public int IndexOf(string name)
    {
        for (var m = 0; m < Names.Count; m++)
        {
            if (Names[m] == name)
            {
                return m;
            }
        }

        return -1;
    }

    /// <summary>The first slot of quality family <paramref name="family"/> (its index in <see cref="MetricFamilies.Quality"/>).</summary>
    public int Start(int family) => _starts[family];
}
