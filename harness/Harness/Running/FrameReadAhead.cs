using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Harness.Running;

/// <summary>
/// Reads a clip's frames on a thread of their own, a few frames ahead of the replay, so that reading, decoding and
/// preprocessing the next frame (a few percent of a frame's time) overlap this frame's inference on another core
/// instead of adding to the run. The sequence is enumerated on that thread, lazy stages such as a Select included.
/// Every clip reader hands out frames that own their pixels, so a frame read ahead is not overwritten by the next. The
/// replay sees what it would see reading in line: the same items in the same order, then whatever the sequence threw,
/// as the same exception, after the items before it. Leaving the loop early stops the reading thread before the clip
/// is disposed.
/// </summary>
internal static class FrameReadAhead
{
    /// <summary>
    /// Items made and waiting: enough to cover one slow read, few enough to keep memory flat. With the one the reading
    /// thread is making and the one the replay holds, at most <see cref="InFlight"/> are alive at once.
    /// </summary>
    public const int Depth = 2;

    /// <summary>Items alive at once, at most: those waiting, the one being made, and the one the replay holds.</summary>
    public const int InFlight = Depth + 2;

    public static IEnumerable<T> Of<T>(IEnumerable<T> items, CancellationToken cancellationToken = default)
    {
        using var queue = new BlockingCollection<T>(Depth);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ExceptionDispatchInfo? failure = null;
        var reading = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (var item in items)
                    {
                        queue.Add(item, stop.Token);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The replay left early or was cancelled; the latter is thrown on the replay's side.
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            // Not the caller's token: the reading thread completes the queue however it ends, and items already made are delivered.
            foreach (var item in queue.GetConsumingEnumerable(CancellationToken.None))
            {
                yield return item;
            }

            reading.Wait(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            reading.Wait(CancellationToken.None);
        }
    }
}
