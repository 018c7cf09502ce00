using Harness.Clips;
using Harness.Clips.Mcap;

namespace Harness.Tests.Clips.Mcap;

public sealed class McapCorruptionTests
{
    /// <summary>Magic (8) + Header record: opcode 1, length 8, profile "" (4), library "harness" (4 + 7).</summary>
    private const long FirstChunkOffset = 8 + 9 + 4 + 4 + 7;

    private static readonly McapTestClip Clip = new(seed: 8, count: 200, maxPayload: 400);

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Rejects_truncated_file_naming_offset_and_footer(double keptFraction)
    {
        var bytes = Clip.Write(new McapWriterOptions()).ToArray();
        var kept = (int)(bytes.Length * keptFraction);

        var error = Assert.Throws<ClipFormatException>(() => new McapReader(new MemoryStream(bytes[..kept]), "cut.mcap"));

        Assert.Contains("cut.mcap", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Footer record at byte offset {kept - 8 - 29}", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_file_too_short_to_hold_magic()
    {
        var error = Assert.Throws<ClipFormatException>(() => new McapReader(new MemoryStream(new byte[10]), "tiny.mcap"));

        Assert.Contains("tiny.mcap", error.Message, StringComparison.Ordinal);
        Assert.Contains("10 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_flipped_byte_in_chunk_with_crc_error_naming_the_chunk()
    {
        var bytes = Clip.Write(new McapWriterOptions { Compression = McapCompression.None, ChunkSize = 1 << 20 }, withAttachment: false).ToArray();
        var payload = Clip.Messages[0].Data;
        var at = bytes.AsSpan().IndexOf(payload);
        Assert.True(at > FirstChunkOffset && payload.Length > 0);
        bytes[at] ^= 0x40;
        using var reader = new McapReader(new MemoryStream(bytes), "flipped.mcap");

        var error = Assert.Throws<ClipFormatException>(() => reader.ReadMessages().ToList());

        Assert.Contains($"flipped.mcap: Chunk record at byte offset {FirstChunkOffset}: uncompressed CRC mismatch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_flipped_byte_in_compressed_chunk_naming_the_chunk()
    {
        var bytes = Clip.Write(new McapWriterOptions { Compression = McapCompression.Lz4, ChunkSize = 1 << 20 }, withAttachment: false).ToArray();
        bytes[FirstChunkOffset + 200] ^= 0xFF;
        using var reader = new McapReader(new MemoryStream(bytes), "lz4.mcap");

        var error = Assert.Throws<ClipFormatException>(() => reader.ReadMessages().ToList());

        Assert.Contains($"lz4.mcap: Chunk record at byte offset {FirstChunkOffset}:", error.Message, StringComparison.Ordinal);
        Assert.Contains("corrupted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_flipped_byte_outside_chunks_with_data_section_crc_error()
    {
        var bytes = Clip.Write(new McapWriterOptions { UseChunks = false }).ToArray();
        var payload = Clip.Messages[^1].Data;
        bytes[bytes.AsSpan().IndexOf(payload) + payload.Length / 2] ^= 0x01;
        using var reader = new McapReader(new MemoryStream(bytes), "loose.mcap");

        var error = Assert.Throws<ClipFormatException>(() => reader.ReadMessages().ToList());

        Assert.Matches(@"^loose\.mcap: DataEnd record at byte offset \d+: data section CRC mismatch", error.Message);
    }

    [Fact]
    public void Rejects_corrupted_summary_naming_the_footer()
    {
        var bytes = Clip.Write(new McapWriterOptions()).ToArray();
        var footerOffset = bytes.Length - 8 - 29;
        bytes[footerOffset - 20] ^= 0x10;

        var error = Assert.Throws<ClipFormatException>(() => new McapReader(new MemoryStream(bytes), "summary.mcap"));

        Assert.Contains($"summary.mcap: Footer record at byte offset {footerOffset}: summary CRC mismatch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_record_length_running_past_the_data_section()
    {
        var bytes = Clip.Write(new McapWriterOptions().WithoutSummary(), withAttachment: false).ToArray();
        bytes[FirstChunkOffset + 8] = 0x7F;
        using var reader = new McapReader(new MemoryStream(bytes), "length.mcap");

        var error = Assert.Throws<ClipFormatException>(() => reader.ReadMessages().ToList());

        Assert.Contains($"length.mcap: Chunk record at byte offset {FirstChunkOffset}: declares", error.Message, StringComparison.Ordinal);
        Assert.Contains("runs past the end of its section", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_non_mcap_file()
    {
        var bytes = new byte[200];
        "PK\u0003\u0004"u8.CopyTo(bytes);

        var error = Assert.Throws<ClipFormatException>(() => new McapReader(new MemoryStream(bytes), "archive.zip"));

        Assert.Equal("archive.zip: byte offset 0: not an MCAP file (the magic bytes are missing)", error.Message);
    }
}
