namespace Harness.Clips;

/// <summary>
/// The truth labels a reader could not score: those the scenario leaves out (<see cref="ClassMap.LeavesOut"/>),
/// counted by box for <see cref="IClipReader.LeftOutLabels"/>, and those it does not know, which fail the clip once it
/// is read, all of them named in one message.
/// </summary>
internal sealed class UnscoredLabels(ClassMap classes)
{
    private readonly SortedDictionary<string, long> _leftOut = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _unknown = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> LeftOut => _leftOut;

    /// <summary>Records a label that maps to no class: one more box left out, or a label the scenario does not know.</summary>
    public void Add(string label)
    {
        if (classes.LeavesOut(label))
        {
            _leftOut[label] = _leftOut.GetValueOrDefault(label) + 1;
        }
        else
        {
            _unknown.Add(label);
        }
    }

    /// <exception cref="ClipFormatException">A label the scenario does not know was recorded; the message starts with <paramref name="where"/>.</exception>
    public void ThrowIfUnknown(string where)
    {
        if (_unknown.Count > 0)
        {
            throw new ClipFormatException($"{where}: {classes.DescribeUnknown(_unknown)}");
        }
    }
}
