using Harness.Threading;

namespace Harness.Suite;

/// <summary>
/// Runs one function per item on up to N workers and returns the results in the items' order, so what a run reports
/// never depends on which scenario finished first. Workers take the next item as they free up (long and short
/// scenarios share the workers without a plan); with one worker everything runs on the caller's thread, as before.
/// </summary>
internal static class OrderedParallel
{
    public static IReadOnlyList<TResult> Map<T, TResult>(IReadOnlyList<T> items, int workers, Func<T, TResult> run)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        if (workers == 1 || items.Count <= 1)
        {
            return [.. items.Select(run)];
        }

        var results = new TResult[items.Count];
        var next = -1;
        var tasks = Enumerable.Range(0, Math.Min(workers, items.Count))
            .Select(_ => Task.Factory.StartNew(
                () =>
                {
                    int index;
                    while ((index = Interlocked.Increment(ref next)) < items.Count)
                    {
                        results[index] = run(items[index]);
                    }
                },
                CancellationToken.None,
                // A replay holds its worker for seconds to minutes: a thread of its own, not one borrowed from the pool.
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default))
            .ToArray();
        Concurrently.WaitAll(tasks);
        return results;
    }
}
