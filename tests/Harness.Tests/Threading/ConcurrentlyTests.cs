using Harness.Threading;

namespace Harness.Tests.Threading;

public sealed class ConcurrentlyTests
{
    [Fact]
    public void Runs_every_piece_of_work()
    {
        var done = new int[20];

        Concurrently.Run([.. done.Select((_, i) => (Action)(() => done[i] = i + 1))]);

        Assert.Equal(Enumerable.Range(1, 20), done);
    }

    [Fact]
    public void A_failure_is_rethrown_as_itself_not_wrapped()
    {
        var failure = new IOException("disk full");

        var thrown = Assert.Throws<IOException>(() => Concurrently.Run([() => { }, () => throw failure, () => { }]));

        Assert.Same(failure, thrown);
    }

    [Fact]
    public void A_failed_task_is_rethrown_as_itself_once_all_have_ended()
    {
        var failure = new UnauthorizedAccessException("read-only folder");
        var other = Task.Delay(50);

        var thrown = Assert.Throws<UnauthorizedAccessException>(() => Concurrently.WaitAll([Task.FromException(failure), other]));

        Assert.Same(failure, thrown);
        Assert.True(other.IsCompleted);
    }
}
