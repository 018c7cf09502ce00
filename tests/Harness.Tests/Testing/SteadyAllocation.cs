namespace Harness.Tests.Testing;

/// <summary>
/// Bytes a warm hot path allocates: the least of three measured runs of it. The runtime may allocate a few one-off
/// bytes while it re-compiles a hot method (a fresh CI clone once measured 5,480 in one window), which lands in one
/// run only; an allocation the code makes on every call shows in all three.
/// </summary>
internal static class SteadyAllocation
{
    public static long Of(Action run)
    {
        var least = long.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            run();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
