using Harness.Clips.Mcap;

namespace Harness.Tests.Clips.Mcap;

public sealed class McapRoundTripTests
{
    public static TheoryData<McapCompression, bool, bool> Layouts()
    {
        var data = new TheoryData<McapCompression, bool, bool>();
        foreach (var compression in Enum.GetValues<McapCompression>())
        {
            data.Add(compression, true, true);
            data.Add(compression, true, false);
        }

        data.Add(McapCompression.None, false, true);
        data.Add(McapCompression.None, false, false);
        return data;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Preserves_every_message_byte_for_byte_in_log_time_order(McapCompression compression, bool chunked, bool withSummary)
    {
        var clip = new McapTestClip(seed: 11, count: 600, maxPayload: 3000);
        var options = new McapWriterOptions { Compression = compression, UseChunks = chunked, ChunkSize = 16 * 1024 };
        using var file = clip.Write(withSummary ? options : options.WithoutSummary());
        using var reader = new McapReader(file, "roundtrip.mcap");

        var read = reader.ReadMessages().ToList();

        var expected = clip.InLogTimeOrder.ToList();
        Assert.Equal(expected.Count, read.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Sequence, read[i].Sequence);
            Assert.Equal(expected[i].LogTime, read[i].LogTime);
            Assert.Equal(expected[i].LogTime + 7, read[i].PublishTime);
            Assert.Equal(expected[i].Topic, read[i].Channel.Topic);
            Assert.Equal("foxglove.RawImage", read[i].Schema?.Name);
            Assert.True(expected[i].Data.AsSpan().SequenceEqual(read[i].Data.Span), $"message {i} payload differs");
        }
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Preserves_attachments_and_metadata(McapCompression compression, bool chunked, bool withSummary)
    {
        var clip = new McapTestClip(seed: 3, count: 20, maxPayload: 100);
        var options = new McapWriterOptions { Compression = compression, UseChunks = chunked };
        using var file = clip.Write(withSummary ? options : options.WithoutSummary());
        using var reader = new McapReader(file, "roundtrip.mcap");

        var attachment = Assert.Single(reader.ReadAttachments());
        var metadata = Assert.Single(reader.ReadMetadata());

        Assert.Equal(("calib.json", "application/json", 5UL, 6UL), (attachment.Name, attachment.MediaType, attachment.LogTime, attachment.CreateTime));
        Assert.Equal("{\"fx\":1}"u8.ToArray(), attachment.Data.ToArray());
        Assert.Equal("scene", metadata.Name);
        Assert.Equal("rain", metadata.Values["weather"]);
    }

    [Fact]
    public void Summary_statistics_count_what_was_written()
    {
        var clip = new McapTestClip(seed: 5, count: 300, maxPayload: 500);
        using var file = clip.Write(new McapWriterOptions { ChunkSize = 4096 });
        using var reader = new McapReader(file, "stats.mcap");

        var statistics = reader.Statistics!;

        Assert.Equal(300UL, statistics.MessageCount);
        Assert.Equal(clip.Messages.Min(m => m.LogTime), statistics.MessageStartTime);
        Assert.Equal(clip.Messages.Max(m => m.LogTime), statistics.MessageEndTime);
        Assert.Equal((1U, 1U, (ushort)1, 3U), (statistics.AttachmentCount, statistics.MetadataCount, statistics.SchemaCount, statistics.ChannelCount));
        Assert.True(statistics.ChunkCount > 5);
        Assert.Equal((ulong)clip.Messages.Count(m => m.ChannelId == 2), statistics.ChannelMessageCounts[2]);
    }

    [Theory]
    [InlineData(McapCompression.Lz4)]
    [InlineData(McapCompression.Zstd)]
    public void Preserves_large_compressible_chunks(McapCompression compression)
    {
        var payload = new byte[700_000];
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)(i / 1000 % 7 == 0 ? i * 31 : i / 3000);
        }

        using var file = new MemoryStream();
        using (var writer = new McapWriter(file, new McapWriterOptions { Compression = compression, ChunkSize = 3_000_000 }, leaveOpen: true))
        {
            writer.AddChannel(new McapChannel(1, 0, "/blob", "raw"));
            for (uint i = 0; i < 6; i++)
            {
                payload[0] = (byte)i;
                writer.WriteMessage(1, i, i, i, payload);
            }
        }

        Assert.True(file.Length < 6 * payload.Length / 2, $"{compression} did not compress: {file.Length} bytes");
        file.Position = 0;
        using var reader = new McapReader(file, "large.mcap");
        var read = reader.ReadMessages().ToList();

        Assert.Equal(6, read.Count);
        for (var i = 0; i < read.Count; i++)
        {
            payload[0] = (byte)i;
            Assert.True(payload.AsSpan().SequenceEqual(read[i].Data.Span), $"message {i} differs");
        }
    }
}
