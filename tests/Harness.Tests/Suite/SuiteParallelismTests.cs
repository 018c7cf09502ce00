using Harness.Suite;

namespace Harness.Tests.Suite;

public class SuiteParallelismTests
{
    [Theory]
    [InlineData(new[] { 1, 1, 1 }, 2, 2)]
    [InlineData(new[] { 1, 2 }, 8, 4)]
    [InlineData(new[] { 3 }, 8, 2)]
    [InlineData(new[] { 4 }, 4, 1)]
    [InlineData(new[] { 5 }, 4, 1)]
    [InlineData(new[] { 1, 0 }, 8, 1)]
    [InlineData(new int[0], 2, 2)]
    public void Default_is_the_cores_divided_by_the_most_intra_op_threads_and_at_least_1(int[] threads, int cores, int expected) =>
        Assert.Equal(expected, SuiteParallelism.Resolve(null, threads, cores));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Asked_for_is_what_runs_whatever_the_cores(int asked) =>
        Assert.Equal(asked, SuiteParallelism.Resolve(asked, [1], 64));

    [Fact]
    public void Asking_for_no_worker_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SuiteParallelism.Resolve(0, [1], 2));
}
