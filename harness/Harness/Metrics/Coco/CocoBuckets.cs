namespace Harness.Metrics.Coco;

/// <summary>
/// Items grouped by (category, image) bucket with a counting sort, keeping each bucket in input order (pycocotools
/// appends to per-(image, category) lists in file order, and that order breaks score ties).
/// </summary>
internal sealed class CocoBuckets
{
    private readonly int[] _starts;
    private readonly int[] _items;

    private CocoBuckets(int[] starts, int[] items)
    {
        _starts = starts;
        _items = items;
    }

    /// <summary>Groups item i into bucket keys[i]; a negative key leaves the item out.</summary>
    public static CocoBuckets Build(ReadOnlySpan<int> keys, int bucketCount)
    {
        var starts = new int[bucketCount + 1];
        foreach (var key in keys)
        {
            if (key >= 0)
            {
                starts[key + 1]++;
            }
        }

        for (var b = 0; b < bucketCount; b++)
        {
            starts[b + 1] += starts[b];
        }

        var items = new int[starts[bucketCount]];
        var next = starts.AsSpan(0, bucketCount).ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            if (key >= 0)
            {
                items[next[key]++] = i;
            }
        }

        return new CocoBuckets(starts, items);
    }

    public ReadOnlySpan<int> this[int bucket] => _items.AsSpan(_starts[bucket], _starts[bucket + 1] - _starts[bucket]);
}
