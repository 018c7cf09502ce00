using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Harness.Clips;

namespace Harness.Running;

/// <summary>
/// Reads a clip's frames on a thread of their own, a few frames ahead of the replay, so that reading and decoding the
/// next frame (a few percent of a frame's time) overlaps this frame's inference on another core instead of adding to
/// the run. Every clip reader hands out frames that own their pixels, so a frame read ahead is not overwritten by the
/// next. The replay sees what it would see reading in line: the same frames in the same order, then whatever the
/// reader threw, as the same exception, after the frames before it. Leaving the loop early stops the reading thread
/// before the clip is disposed.
/// </summary>
internal static class FrameReadAhead
{
    /// <summary>Frames decoded and waiting: enough to cover one slow read, few enough to keep memory flat.</summary>
    public const int Depth = 2;

    public static IEnumerable<Frame> Of(IEnumerable<Frame> frames, CancellationToken cancellationToken = default)
    {
        using var queue = new BlockingCollection<Frame>(Depth);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ExceptionDispatchInfo? failure = null;
        var reading = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (var frame in frames)
                    {
                        queue.Add(frame, stop.Token);
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
            // Not the caller's token: the reading thread completes the queue however it ends, and frames already read are delivered.
            foreach (var frame in queue.GetConsumingEnumerable(CancellationToken.None))
            {
                yield return frame;
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
