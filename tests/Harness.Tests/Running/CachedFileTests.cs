using Harness.Running;
using Harness.TestKit;

namespace Harness.Tests.Running;

public sealed class CachedFileTests : IDisposable
{
    /// <summary>Only guards against a hang; no assertion is on time.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly TemporaryDirectory temp = new("cached-file-");

    private string Target => temp.Combine("clips", "scene.mcap");

    [Fact]
    public async Task Eight_threads_asking_at_once_get_one_generation_and_the_whole_file()
    {
        var writes = 0;
        using var start = new Barrier(8);

        var paths = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait(HangGuard);
            return CachedFile.Ensure(Target, File.Exists, temporary =>
            {
                Interlocked.Increment(ref writes);
                // Slow enough that a second maker would start before the first renamed, were it not locked out.
                Thread.Sleep(100);
                File.WriteAllBytes(temporary, [1, 2, 3]);
            });
        })).ToArray();
        await Task.WhenAll(paths).WaitAsync(HangGuard);

        Assert.Equal(1, writes);
        Assert.All(await Task.WhenAll(paths), p => Assert.Equal(Target, p));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Target));
        Assert.Equal(["scene.mcap"], Directory.EnumerateFiles(Path.GetDirectoryName(Target)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Maker_waits_for_another_process_holding_the_lock_and_takes_its_file()
    {
        var lockPath = temp.Combine("clips", ".locks", "scene.mcap.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        using var otherProcess = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        using var lookedOnce = new ManualResetEventSlim();
        var writes = 0;

        var maker = Task.Run(() => CachedFile.Ensure(Target, path =>
        {
            var exists = File.Exists(path);
            lookedOnce.Set();
            return exists;
        }, temporary =>
        {
            Interlocked.Increment(ref writes);
            File.WriteAllBytes(temporary, [9]);
        }));
        Assert.True(lookedOnce.Wait(HangGuard));
        File.WriteAllBytes(Target, [1, 2, 3]);
        otherProcess.Dispose();

        Assert.Equal(Target, await maker.WaitAsync(HangGuard));
        Assert.Equal(0, writes);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Target));
    }

    [Fact]
    public void File_already_current_is_neither_locked_nor_written()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Target)!);
        File.WriteAllBytes(Target, [4]);

        CachedFile.Ensure(Target, File.Exists, _ => throw new InvalidOperationException("must not write"));

        Assert.False(Directory.Exists(temp.Combine("clips", ".locks")));
    }

    public void Dispose() => temp.Dispose();
}
