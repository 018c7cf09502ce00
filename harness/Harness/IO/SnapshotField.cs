namespace Harness.IO;

/// <summary>
/// The field a <see cref="SnapshotReader"/> reads, as an error names it ("frame count", "frame 12's box count",
/// "frame 12 box 3's track id"). Built on every read of every record, so it stays a struct and is formatted only when
/// a read fails.
/// </summary>
internal readonly record struct SnapshotField(string Name, long? Frame = null, string? Record = null, int RecordIndex = 0)
{
    public override string ToString() => (Frame, Record) switch
    {
        (null, _) => Name,
        (_, null) => $"frame {Frame}'s {Name}",
        _ => $"frame {Frame} {Record} {RecordIndex}'s {Name}",
    };
}
