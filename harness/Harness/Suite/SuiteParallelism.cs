using Harness.Scenarios;

namespace Harness.Suite;

/// <summary>How many scenarios replay at once.</summary>
internal static class SuiteParallelism
{
    /// <summary>
    /// As asked; else as many as the cores hold when every session uses the most intra-op threads any selected
    /// scenario asks for (0 is ONNX Runtime's own default, a thread per core), and at least one.
    /// </summary>
    /// <param name="intraOpThreads">Each selected scenario's <see cref="SessionSpec.IntraOpThreads"/>.</param>
    public static int Resolve(int? requested, IEnumerable<int> intraOpThreads, int processorCount)
    {
        if (requested is { } workers)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1, nameof(requested));
            return workers;
        }

        var threads = intraOpThreads.Select(t => t == 0 ? processorCount : t).DefaultIfEmpty(1).Max();
        return Math.Max(1, processorCount / threads);
    }
}
