namespace Harness.Clips.Mcap;

/// <summary>
/// Which messages to read: log times in [<see cref="StartTime"/>, <see cref="EndTime"/>) and, when
/// <see cref="Topics"/> is set, only those topics. Null bounds are open.
/// </summary>
internal sealed record McapReadOptions
{
    public static McapReadOptions All { get; } = new();

    public ulong? StartTime { get; init; }

    public ulong? EndTime { get; init; }

    public IReadOnlySet<string>? Topics { get; init; }

    internal bool Includes(ulong logTime) =>
        (StartTime is not { } start || logTime >= start) && (EndTime is not { } end || logTime < end);

    /// <summary>Whether a block of messages spanning [first, last] (inclusive) can hold a message in the window.</summary>
    internal bool Overlaps(ulong first, ulong last) =>
        (StartTime is not { } start || last >= start) && (EndTime is not { } end || first < end);
}
