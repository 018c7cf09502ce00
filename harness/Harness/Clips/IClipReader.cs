namespace Harness.Clips;

/// <summary>
/// A replay source. Frames stream in timestamp order; an implementation holds at most a few frames in memory so a
/// clip of any length replays in constant memory.
/// </summary>
public interface IClipReader : IDisposable
{
    /// <summary>Class names in ground-truth class-id order.</summary>
    IReadOnlyList<string> ClassNames { get; }

    IEnumerable<Frame> ReadFrames(CancellationToken cancellationToken = default);
}
