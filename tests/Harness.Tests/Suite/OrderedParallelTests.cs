using Harness.Suite;

namespace Harness.Tests.Suite;

public class OrderedParallelTests
{
    /// <summary>Only guards against a hang if the items did not run at the same time; no assertion is on time.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public void Two_workers_run_items_at_the_same_time_and_return_them_in_item_order()
    {
        using var secondDone = new ManualResetEventSlim();

        var results = OrderedParallel.Map([0, 1, 2], 2, item =>
        {
            // The first item can finish only after the second has: one worker cannot get past it.
            if (item == 0 && !secondDone.Wait(HangGuard))
            {
                return "item 1 never ran beside item 0";
            }

            if (item == 1)
            {
                secondDone.Set();
            }

            return $"item {item}";
        });

        Assert.Equal(["item 0", "item 1", "item 2"], results);
    }

    [Fact]
    public void One_worker_runs_every_item_on_the_calling_thread_in_order()
    {
        var caller = Environment.CurrentManagedThreadId;
        var seen = new List<int>();

        var results = OrderedParallel.Map([3, 1, 2], 1, item =>
        {
            seen.Add(item);
            return Environment.CurrentManagedThreadId == caller;
        });

        Assert.Equal([3, 1, 2], seen);
        Assert.All(results, Assert.True);
    }

    [Fact]
    public void Every_item_runs_exactly_once_with_more_workers_than_items()
    {
        var runs = new int[5];

        var results = OrderedParallel.Map([0, 1, 2, 3, 4], 8, item => Interlocked.Increment(ref runs[item]) * 10 + item);

        Assert.Equal([10, 11, 12, 13, 14], results);
    }

    [Fact]
    public void An_exception_that_escapes_an_item_reaches_the_caller_as_itself()
    {
        var thrown = Assert.Throws<OperationCanceledException>(() =>
            OrderedParallel.Map([0, 1, 2], 2, item => item == 1 ? throw new OperationCanceledException("cancelled") : item));

        Assert.Equal("cancelled", thrown.Message);
    }
}
