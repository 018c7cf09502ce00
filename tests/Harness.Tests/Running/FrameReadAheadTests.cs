using Harness.Clips;
using Harness.Running;

namespace Harness.Tests.Running;

public sealed class FrameReadAheadTests
{
    /// <summary>Only guards against a hang; no assertion is on time.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(FrameReadAhead.Depth)]
    [InlineData(FrameReadAhead.Depth + 1)]
    [InlineData(100)]
    public void Yields_every_frame_of_the_reader_in_its_order(int count)
    {
        var read = FrameReadAhead.Of(Clip(count)).Select(f => (f.Index, f.TimestampNs)).ToList();

        Assert.Equal(Enumerable.Range(0, count).Select(i => ((long)i, i * 100L)), read);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void A_reader_failure_comes_after_the_frames_before_it_as_the_same_exception(int goodFrames)
    {
        var failure = new ClipFormatException("clip.mcap: chunk at offset 1234 is truncated");
        var read = new List<long>();

        var thrown = Assert.Throws<ClipFormatException>(() =>
        {
            foreach (var frame in FrameReadAhead.Of(Clip(goodFrames, then: failure)))
            {
                read.Add(frame.Index);
            }
        });

        Assert.Same(failure, thrown);
        Assert.Equal(Enumerable.Range(0, goodFrames).Select(i => (long)i), read);
    }

    [Fact]
    public void Leaving_the_loop_early_stops_the_reader_before_returning()
    {
        var reader = new TrackedClip(1000);

        foreach (var frame in FrameReadAhead.Of(reader.ReadFrames()))
        {
            if (frame.Index == 3)
            {
                break;
            }
        }

        Assert.True(reader.Disposed);
        Assert.InRange(reader.Yielded, 4, 4 + FrameReadAhead.Depth + 1);
    }

    [Fact]
    public void Cancelling_the_replay_throws_operation_cancelled_after_the_frames_already_taken()
    {
        using var cancel = new CancellationTokenSource();
        var reader = new TrackedClip(1000);
        var read = 0;

        var run = Task.Run(() =>
        {
            foreach (var frame in FrameReadAhead.Of(reader.ReadFrames(cancel.Token), cancel.Token))
            {
                if (++read == 5)
                {
                    cancel.Cancel();
                }
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() => run.WaitAsync(HangGuard).GetAwaiter().GetResult());
        Assert.True(reader.Disposed);
        Assert.InRange(read, 5, 5 + FrameReadAhead.Depth + 1);
    }

    [Fact]
    public void At_most_in_flight_items_are_alive_and_the_bound_is_reached()
    {
        // An item is alive from the moment the reading thread starts making it until the replay takes the next one;
        // StagedInputs sizes its ring of input buffers by this bound.
        var started = 0;
        var items = Enumerable.Range(0, 50).Select(i =>
        {
            Volatile.Write(ref started, i + 1);
            return i;
        });
        var mostAlive = 0;

        foreach (var item in FrameReadAhead.Of(items))
        {
            if (item == 0)
            {
                Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref started) == FrameReadAhead.InFlight, HangGuard));
            }

            mostAlive = Math.Max(mostAlive, Volatile.Read(ref started) - item);
        }

        Assert.Equal(FrameReadAhead.InFlight, mostAlive);
    }

    private static IEnumerable<Frame> Clip(int count, Exception? then = null)
    {
        for (var i = 0; i < count; i++)
        {
            yield return FrameAt(i);
        }

        if (then is not null)
        {
            throw then;
        }
    }

    private static Frame FrameAt(int i) => new(i, i * 100L, CameraImage.Packed(1, 1, PixelFormat.Rgb8, new byte[] { (byte)i, 0, 0 }), []);

    /// <summary>A reader that counts the frames it produced and notes when its enumeration is closed.</summary>
    private sealed class TrackedClip(int count)
    {
        private int _yielded;

        public int Yielded => Volatile.Read(ref _yielded);

        public bool Disposed { get; private set; }

        public IEnumerable<Frame> ReadFrames(CancellationToken cancellationToken = default)
        {
            try
            {
                for (var i = 0; i < count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Interlocked.Increment(ref _yielded);
                    yield return FrameAt(i);
                }
            }
            finally
            {
                Disposed = true;
            }
        }
    }
}
