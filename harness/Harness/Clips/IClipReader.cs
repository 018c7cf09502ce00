namespace Harness.Clips;

/// <summary>
/// A replay source. Frames stream in timestamp order; an implementation holds at most a few frames in memory so a
/// clip of any length replays in constant memory.
/// </summary>
public interface IClipReader : IDisposable
{
    /// <summary>
    /// How the clip's truth labels were resolved, by name: a truth box's class id indexes
    /// <see cref="ClassMap.EvaluationClasses"/>, or is negative for an ignore region of every class.
    /// </summary>
    ClassMap Classes { get; }

    IEnumerable<Frame> ReadFrames(CancellationToken cancellationToken = default);

    /// <summary>
    /// The truth boxes read so far whose label <see cref="Classes"/> leaves out (<c>model.evaluate: mapped</c>), counted
    /// by label, so a run can say what it did not score; empty for a reader that leaves nothing out.
    /// </summary>
    IReadOnlyDictionary<string, long> LeftOutLabels => EmptyLabels;

    private static readonly IReadOnlyDictionary<string, long> EmptyLabels = new Dictionary<string, long>();
}
