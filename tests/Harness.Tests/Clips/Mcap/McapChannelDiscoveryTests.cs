using Harness.Clips;
using Harness.Clips.Mcap;

namespace Harness.Tests.Clips.Mcap;

/// <summary>Without channels in the summary, a chunk's messages may name a channel defined in a chunk not yet read.</summary>
public sealed class McapChannelDiscoveryTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Finds_channel_defined_in_a_later_in_time_chunk(bool withChunkIndex)
    {
        using var file = new MemoryStream();
        using (var writer = new McapWriter(file, new McapWriterOptions { ChunkSize = 64, RepeatChannels = false, RepeatSchemas = false, WriteChunkIndex = withChunkIndex }, leaveOpen: true))
        {
            writer.AddChannel(new McapChannel(7, 0, "/late", "raw"));
            writer.WriteMessage(7, 1000, 1000, 0, new byte[80]);
            writer.WriteMessage(7, 5, 5, 1, new byte[80]);
        }

        file.Position = 0;
        using var reader = new McapReader(file, "discovery.mcap");

        var early = Assert.Single(reader.ReadMessages(new McapReadOptions { EndTime = 500 }));

        Assert.Equal(("/late", 5UL, 1U), (early.Channel.Topic, early.LogTime, early.Sequence));
        Assert.Equal(new ulong[] { 5, 1000 }, reader.ReadMessages().Select(m => m.LogTime));
    }

    [Fact]
    public void Rejects_message_on_undefined_channel_naming_the_chunk()
    {
        using var file = new MemoryStream();
        using (var writer = new McapWriter(file, new McapWriterOptions { Compression = McapCompression.None, RepeatChannels = false }, leaveOpen: true))
        {
            writer.AddChannel(new McapChannel(7, 0, "/x", "raw"));
            writer.WriteMessage(7, 1, 1, 0, [1, 2, 3]);
        }

        var bytes = file.ToArray();
        // The channel record's id (7) sits right after its opcode and length inside the chunk; renumber it to 8.
        var channelRecord = bytes.AsSpan().IndexOf(new byte[] { 0x04, 0x15, 0, 0, 0, 0, 0, 0, 0, 0x07, 0x00 });
        Assert.True(channelRecord > 0);
        bytes[channelRecord + 9] = 8;
        // Zero the chunk's uncompressed CRC (at 32 + 9 + 8 + 8 + 8): zero means "not recorded", so the edit is read.
        bytes.AsSpan(32 + 33, 4).Clear();
        using var reader = new McapReader(new MemoryStream(bytes), "undefined.mcap") { VerifyDataSectionCrc = false };

        var error = Assert.Throws<ClipFormatException>(() => reader.ReadMessages().ToList());

        Assert.Matches(@"^undefined\.mcap: Message record at byte offset \d+ of the records of the Chunk at byte offset 32: message refers to channel id 7", error.Message);
    }
}
