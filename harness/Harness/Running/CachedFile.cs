using System.Collections.Concurrent;
using Harness.IO;

namespace Harness.Running;

/// <summary>
/// A file generated into the cache (a synthetic clip, a reference model), made once however many scenarios ask for it
/// at the same time: threads of a parallel run, or processes sharing a cache folder. The maker holds a lock named
/// after the file, looks again under it (another maker may have just finished), and writes through
/// <see cref="AtomicFile"/>, so no reader ever sees half a file and two makers never both write it.
/// </summary>
internal static class CachedFile
{
    /// <summary>Long enough for another process to generate the longest clip; a bound, so a stale holder cannot hang a run.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(50);

    private static readonly ConcurrentDictionary<string, object> ProcessLocks = new(StringComparer.Ordinal);

    /// <param name="isCurrent">Whether the file at the path is already what <paramref name="writeTemporary"/> would write.</param>
    /// <exception cref="IOException">Another process held the lock for longer than any generation takes.</exception>
    public static string Ensure(string path, Func<string, bool> isCurrent, Action<string> writeTemporary)
    {
        if (isCurrent(path))
        {
            return path;
        }

        var fullPath = Path.GetFullPath(path);
        lock (ProcessLocks.GetOrAdd(fullPath, _ => new object()))
        {
            using var processLock = AcquireFileLock(LockPath(fullPath));
            if (!isCurrent(path))
            {
                AtomicFile.Write(path, writeTemporary);
            }
        }

        return path;
    }

    /// <summary>Beside the file, in a folder of their own, so a listing of the cache shows only what it caches.</summary>
    private static string LockPath(string fullPath) =>
        Path.Combine(Path.GetDirectoryName(fullPath)!, ".locks", Path.GetFileName(fullPath) + ".lock");

    /// <summary>
    /// An exclusive open of the lock file (an advisory lock on Unix, a sharing lock on Windows) keeps other processes
    /// out; the lock goes with the handle, so a killed maker never leaves it held.
    /// </summary>
    private static FileStream AcquireFileLock(string lockPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(RetryInterval);
            }
            catch (IOException e)
            {
                throw new IOException($"'{lockPath}' stayed locked by another process for {LockWait.TotalMinutes:0} minutes: {e.Message}", e);
            }
        }
    }
}
