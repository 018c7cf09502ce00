using Harness.Clips;
using Harness.Preprocessing;

namespace Harness.Running;

/// <summary>
/// Preprocesses frames into model inputs on the read-ahead thread (<see cref="FrameReadAhead"/>), so the replay's own
/// thread only copies a finished input into the detector and runs it. The inputs are a ring of buffers allocated once:
/// the read-ahead keeps at most <see cref="FrameReadAhead.InFlight"/> items alive, so the buffer being written is never
/// one the replay still reads. Frames must be staged in order, on one thread.
/// </summary>
internal sealed class StagedInputs
{
    private readonly float[][] _ring;
    private readonly LetterboxPreprocessor _preprocessor;
    private readonly TimeProvider _time;
    private readonly Action? _entering;
    private int _next;

    /// <param name="entering">Called before each frame is preprocessed (the replay's stage hook).</param>
    public StagedInputs(LetterboxPreprocessor preprocessor, int inputLength, TimeProvider time, Action? entering = null)
    {
        _preprocessor = preprocessor;
        _time = time;
        _entering = entering;
        _ring = new float[FrameReadAhead.InFlight][];
        for (var i = 0; i < _ring.Length; i++)
        {
            _ring[i] = new float[inputLength];
        }
    }

    public StagedFrame Stage(Frame frame)
    {
        _entering?.Invoke();
        var input = _ring[_next];
        _next = (_next + 1) % _ring.Length;
        var start = _time.GetTimestamp();
        var transform = _preprocessor.Preprocess(frame.Image, input);
        return new StagedFrame(frame, input, transform, _time.GetElapsedTime(start));
    }
}

/// <summary>A frame with its model input, valid until the replay takes the next one, and how long preprocessing took.</summary>
internal readonly record struct StagedFrame(Frame Frame, float[] Input, LetterboxTransform Transform, TimeSpan Preprocess);
