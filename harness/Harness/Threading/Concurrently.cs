using System.Runtime.ExceptionServices;

namespace Harness.Threading;

/// <summary>
/// Independent pieces of work on every core, failing as the work itself would: the first failure is rethrown as
/// itself, not wrapped in an AggregateException, so a caller that handles an IOException from sequential code
/// handles it here too.
/// </summary>
internal static class Concurrently
{
    public static void Run(IReadOnlyCollection<Action> work)
    {
        try
        {
            Parallel.Invoke([.. work]);
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    public static void WaitAll(Task[] tasks)
    {
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
