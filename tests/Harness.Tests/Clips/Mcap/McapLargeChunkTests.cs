using Harness.Clips.Mcap;

namespace Harness.Tests.Clips.Mcap;

/// <summary>
/// A chunk larger than the size the reader allocates on a chunk's word alone (one big image) decompresses through
/// the growing buffer, and reads back byte for byte.
/// </summary>
public sealed class McapLargeChunkTests
{
    [Theory]
    [InlineData(McapCompression.Lz4)]
    [InlineData(McapCompression.Zstd)]
    public void A_message_larger_than_the_trusted_chunk_size_round_trips(McapCompression compression)
    {
        var payload = new byte[McapCompressionCodec.TrustedSize + (3 << 20) + 17];
        new Random(3).NextBytes(payload.AsSpan(0, 1 << 16));
        payload.AsSpan(payload.Length - 100).Fill(7);
        var clip = new McapTestClip([new McapTestClip.Written(1, 1_000, 0, payload), new McapTestClip.Written(2, 2_000, 1, [1, 2, 3])]);
        using var file = clip.Write(new McapWriterOptions { Compression = compression, ChunkSize = 1 << 20 });
        using var reader = new McapReader(file, "large.mcap");

        var messages = reader.ReadMessages().ToList();

        Assert.Equal(2, messages.Count);
        Assert.True(messages[0].Data.Span.SequenceEqual(payload), "the large message differs after the round trip");
        Assert.Equal([1, 2, 3], messages[1].Data.ToArray());
    }
}
