using Harness.Clips;
using Harness.Preprocessing;
using Harness.Running;

namespace Harness.Tests.Running;

public sealed class StagedInputsTests
{
    private static readonly PreprocessOptions Options = new(32, 24);

    [Fact]
    public void Inputs_staged_ahead_are_each_frames_own_preprocessing_while_the_replay_holds_them()
    {
        // The replay checks each input against a fresh preprocessing of its frame while the reading thread races
        // ahead filling the ring: a ring one buffer short of the read-ahead's bound would overwrite a held input.
        var frames = Enumerable.Range(0, 40).Select(FrameAt).ToList();
        var staging = new StagedInputs(new LetterboxPreprocessor(Options), 3 * 32 * 24, TimeProvider.System);
        var reference = new LetterboxPreprocessor(Options);
        var expected = new float[3 * 32 * 24];
        var seen = 0;

        foreach (var staged in FrameReadAhead.Of(frames.Select(staging.Stage)))
        {
            var transform = reference.Preprocess(staged.Frame.Image, expected);
            Thread.Yield();

            Assert.Same(frames[seen], staged.Frame);
            Assert.Equal(transform, staged.Transform);
            Assert.Equal(expected, staged.Input);
            seen++;
        }

        Assert.Equal(frames.Count, seen);
    }

    [Fact]
    public void The_ring_holds_as_many_buffers_as_the_read_ahead_keeps_alive_and_reuses_them_in_order()
    {
        var staging = new StagedInputs(new LetterboxPreprocessor(Options), 3 * 32 * 24, TimeProvider.System);

        var inputs = Enumerable.Range(0, 2 * FrameReadAhead.InFlight).Select(i => staging.Stage(FrameAt(i)).Input).ToList();

        Assert.Equal(FrameReadAhead.InFlight, inputs.Distinct().Count());
        Assert.Same(inputs[0], inputs[FrameReadAhead.InFlight]);
        Assert.Same(inputs[FrameReadAhead.InFlight - 1], inputs[(2 * FrameReadAhead.InFlight) - 1]);
    }

    [Fact]
    public void Preprocessing_time_is_read_from_the_given_clock_and_the_hook_runs_before_each_frame()
    {
        var clock = new SteppingClock(TimeSpan.FromMilliseconds(3));
        var entered = 0;
        var staging = new StagedInputs(new LetterboxPreprocessor(Options), 3 * 32 * 24, clock, () => entered++);

        var staged = staging.Stage(FrameAt(0));

        Assert.Equal(1, entered);
        Assert.Equal(TimeSpan.FromMilliseconds(3), staged.Preprocess);
    }

    /// <summary>A 40x30 frame whose pixels depend on its index, so every frame preprocesses differently.</summary>
    private static Frame FrameAt(int index)
    {
        var pixels = new byte[40 * 30 * 3];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)((i * 7) + (index * 31));
        }

        return new Frame(index, index * 100L, CameraImage.Packed(40, 30, PixelFormat.Rgb8, pixels), []);
    }

    /// <summary>Each reading is one step after the previous one.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += step.Ticks;
    }
}
