using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Harness.Clips.Mcap;

namespace Harness.Tests.Clips.Mcap;

/// <summary>
/// Write-then-read of arbitrary messages under arbitrary chunking, compression and summary settings: the reader
/// yields every message once, in log-time order (ties in write order), with its bytes, times and topic intact.
/// </summary>
[Properties(Arbitrary = [typeof(McapCases)], MaxTest = 120)]
public sealed class McapRoundTripProperties
{
    [Property]
    public bool Reads_back_what_was_written(McapCase @case)
    {
        var clip = new McapTestClip(@case.Messages);
        using var file = clip.Write(@case.Options, withAttachment: false);
        using var reader = new McapReader(file, "property.mcap");

        var read = reader.ReadMessages().ToList();
        var expected = clip.InLogTimeOrder.ToList();

        return read.Count == expected.Count
            && expected.Zip(read).All(pair =>
                pair.First.Sequence == pair.Second.Sequence
                && pair.First.LogTime == pair.Second.LogTime
                && pair.First.LogTime + 7 == pair.Second.PublishTime
                && pair.First.Topic == pair.Second.Channel.Topic
                && pair.First.Data.AsSpan().SequenceEqual(pair.Second.Data.Span));
    }
}

public sealed record McapCase(IReadOnlyList<McapTestClip.Written> Messages, McapWriterOptions Options)
{
    public override string ToString() =>
        $"{Messages.Count} messages (log times {string.Join(", ", Messages.Select(m => m.LogTime))}; sizes {string.Join(", ", Messages.Select(m => m.Data.Length))}), " +
        $"chunks {Options.UseChunks} of {Options.ChunkSize} B, {Options.Compression}, summary {Options.WriteChunkIndex}";
}

public static class McapCases
{
    public static Arbitrary<McapCase> Cases()
    {
        var message =
            from channel in Gen.Choose(1, McapTestClip.Topics.Length)
            from logTime in Gen.Choose(0, 5000)
            from size in Gen.Frequency((4, Gen.Choose(0, 64)), (1, Gen.Choose(65, 5000)))
            from seed in Gen.Choose(0, int.MaxValue)
            select (Channel: (ushort)channel, LogTime: (ulong)logTime, Data: Bytes(size, seed));
        var options =
            from chunked in Gen.Elements(true, false)
            from chunkSize in Gen.Elements(1, 100, 4096, 1 << 20)
            from compression in Gen.Elements(Enum.GetValues<McapCompression>())
            from summary in Gen.Elements(true, false)
            select Options(chunked, chunkSize, compression, summary);
        var @case =
            from count in Gen.Choose(0, 80)
            from messages in Gen.ArrayOf(message, count)
            from writerOptions in options
            select new McapCase(
                messages.Select((m, i) => new McapTestClip.Written(m.Channel, m.LogTime, (uint)i, m.Data)).ToList(),
                writerOptions);
        return @case.ToArbitrary();
    }

    private static McapWriterOptions Options(bool chunked, int chunkSize, McapCompression compression, bool summary)
    {
        var options = new McapWriterOptions { UseChunks = chunked, ChunkSize = chunkSize, Compression = compression };
        return summary ? options : options.WithoutSummary();
    }

    private static byte[] Bytes(int size, int seed)
    {
        var data = new byte[size];
        new Random(seed).NextBytes(data);
        return data;
    }
}
