namespace Harness.Clips;

/// <summary>How many truth boxes of each label a reader left out (<see cref="ClassMap.LeavesOut"/>), by label in ordinal order.</summary>
internal sealed class LabelTally
{
    private readonly SortedDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Counts => _counts;

    public void Add(string label) => _counts[label] = _counts.GetValueOrDefault(label) + 1;
}
