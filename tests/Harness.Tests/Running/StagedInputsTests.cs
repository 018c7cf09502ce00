using Harness.Inference;
using Harness.Models.Onnx;
using Harness.Preprocessing;
using Harness.Running;
using Harness.Tests.Inference;

namespace Harness.Tests.Running;

public sealed class StagedInputsTests : IDisposable
{
    private static readonly PreprocessOptions Options = new(32, 24);

    private readonly OnnxDetector _detector = OnnxDetector.Load(
        EchoModels.Build(OnnxElementType.Float, channelLast: false, dynamic: false, 32, 24), "echo.onnx", EchoModels.Contract(32, 24));

    public void Dispose() => _detector.Dispose();

    [Fact]
    public void Inputs_staged_ahead_are_each_frames_own_preprocessing_while_the_replay_holds_them()
    {
        // The replay checks each input against a fresh preprocessing of its frame while the reading thread races
        // ahead filling the ring: a ring one buffer short of the read-ahead's bound would overwrite a held input.
        var frames = Enumerable.Range(0, 40).Select(FrameAt).ToList();
        using var staging = new StagedInputs(new LetterboxPreprocessor(Options), _detector, TimeProvider.System);
        var reference = new LetterboxPreprocessor(Options);
        var expected = new float[3 * 32 * 24];
        var seen = 0;

        foreach (var staged in FrameReadAhead.Of(frames.Select(staging.Stage)))
        {
            var transform = reference.Preprocess(staged.Frame.Image, expected);
            Thread.Yield();

            Assert.Same(frames[seen], staged.Frame);
            Assert.Equal(transform, staged.Transform);
            Assert.Equal(expected, staged.Input.Planar);
            _detector.RunInPlace(staged.Input);
            Assert.Equal(expected, _detector.Output(0).ToArray());
            seen++;
        }

        Assert.Equal(frames.Count, seen);
    }

    [Fact]
    public void The_ring_holds_as_many_buffers_as_the_read_ahead_keeps_alive_and_reuses_them_in_order()
    {
        using var staging = new StagedInputs(new LetterboxPreprocessor(Options), _detector, TimeProvider.System);

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
        using var staging = new StagedInputs(new LetterboxPreprocessor(Options), _detector, clock, () => entered++);

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
