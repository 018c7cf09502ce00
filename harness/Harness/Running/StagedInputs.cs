using Harness.Inference;
using Harness.Preprocessing;

namespace Harness.Running;

/// <summary>
/// Preprocesses frames into model inputs on the read-ahead thread (<see cref="FrameReadAhead"/>), so the replay's own
/// thread only runs the model on a finished input, read in place. The inputs are a ring of the detector's inputs
/// allocated once: the read-ahead keeps at most <see cref="FrameReadAhead.InFlight"/> items alive, so the input being
/// written is never one the replay still runs on. Frames must be staged in order, on one thread.
/// </summary>
internal sealed class StagedInputs : IDisposable
{
    private readonly InputFeed[] _ring;
    private readonly LetterboxPreprocessor _preprocessor;
    private readonly TimeProvider _time;
    private readonly Action? _entering;
    private int _next;

    /// <param name="entering">Called before each frame is preprocessed (the replay's stage hook).</param>
    public StagedInputs(LetterboxPreprocessor preprocessor, OnnxDetector detector, TimeProvider time, Action? entering = null)
    {
        _preprocessor = preprocessor;
        _time = time;
        _entering = entering;
        _ring = new InputFeed[FrameReadAhead.InFlight];
        try
        {
            for (var i = 0; i < _ring.Length; i++)
            {
                _ring[i] = detector.CreateInput();
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public StagedFrame Stage(Frame frame)
    {
        _entering?.Invoke();
        var input = _ring[_next];
        _next = (_next + 1) % _ring.Length;
        var start = _time.GetTimestamp();
        var transform = _preprocessor.Preprocess(frame.Image, input.Planar);
        input.Commit();
        return new StagedFrame(frame, input, transform, _time.GetElapsedTime(start));
    }

    public void Dispose()
    {
        foreach (var input in _ring)
        {
            input?.Dispose();
        }
    }
}
