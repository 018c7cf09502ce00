using System.Diagnostics;
using System.Text.RegularExpressions;
using Harness.Clips;
using Harness.Clips.Mcap;
using Harness.Tests.Testing;
using static Harness.Fuzz.McapFraming;

namespace Harness.Tests.Hostile;

/// <summary>
/// Every way a file can be cut, flipped or lie about its lengths, for every record type: the reader answers with a
/// <see cref="ClipFormatException"/> naming the file and the byte offset, never another exception, a hang, a clean
/// read of damaged data or gigabytes of memory.
/// </summary>
[Collection(MemoryMeasurementCollection.Name)]
public sealed class McapHostileTests
{
    private const string Name = "hostile.mcap";

    /// <summary>The reader's messages: the file name first, then where (or, for a too-short file, its size).</summary>
    private const string Located = @"^hostile\.mcap: (.*byte offset \d+|\d+ bytes is too short)";

    [Fact]
    public void The_valid_files_hold_every_record_type_and_read_cleanly()
    {
        var opcodes = HostileMcapFiles.Valid.Values.SelectMany(file => Walk(file).Select(r => r.Opcode)).ToHashSet();

        Assert.Equal(Enumerable.Range(1, 15).Select(i => (byte)i), opcodes.Order());
        Assert.All(HostileMcapFiles.Valid, file => HostileMcapFiles.ReadAll(file.Value, file.Key));
    }

    [Theory]
    [MemberData(nameof(HostileMcapFiles.Names), MemberType = typeof(HostileMcapFiles))]
    public Task File_cut_at_or_inside_any_record_is_a_located_format_error(string variant) => Bounded.Run(() =>
    {
        var file = HostileMcapFiles.Valid[variant];
        foreach (var record in Walk(file))
        {
            foreach (var cut in new[] { record.Offset, record.Offset + 4, record.ContentOffset + (record.ContentLength / 2), record.End - 1 }.Distinct())
            {
                AssertLocatedError(file[..cut], $"{variant}, cut at {cut} in {record}");
            }
        }
    });

    [Theory]
    [MemberData(nameof(HostileMcapFiles.Names), MemberType = typeof(HostileMcapFiles))]
    public Task Any_flipped_bit_of_a_crc_checked_file_is_a_located_format_error(string variant) => Bounded.Run(() =>
    {
        var file = HostileMcapFiles.Valid[variant];
        for (var offset = 0; offset < file.Length; offset++)
        {
            AssertLocatedError(WithBitFlipped(file, offset, offset % 8), $"{variant}, bit {offset % 8} of byte {offset}");
        }
    });

    [Theory]
    [MemberData(nameof(HostileMcapFiles.Names), MemberType = typeof(HostileMcapFiles))]
    public Task Zero_length_record_of_any_type_is_a_located_format_error(string variant) => Bounded.Run(() =>
    {
        var file = HostileMcapFiles.Valid[variant];
        foreach (var record in Walk(file).Where(r => r.ContentLength > 0))
        {
            AssertLocatedError(WithLength(file, record, 0), $"{variant}, {record} declared empty");
        }
    });

    [Theory]
    [MemberData(nameof(HostileMcapFiles.Names), MemberType = typeof(HostileMcapFiles))]
    public Task Oversized_record_length_of_any_type_is_refused_before_anything_is_allocated_for_it(string variant) => Bounded.Run(() =>
    {
        // Without CRCs, so that a record's own reader meets the length (a summary CRC would stop it earlier).
        var file = WithoutCrcs(HostileMcapFiles.Valid[variant]);
        foreach (var record in Walk(file))
        {
            foreach (var length in new[] { 1UL << 62, (ulong)Array.MaxLength, (ulong)(file.Length - record.ContentOffset + 1) })
            {
                var hostile = WithLength(file, record, length);
                var before = GC.GetAllocatedBytesForCurrentThread();

                var error = AssertLocatedError(hostile, $"{variant}, {record} declaring {length} bytes");

                Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 4 << 20);
                Assert.Contains($"byte offset {record.Offset}", error.Message, StringComparison.Ordinal);
            }
        }
    });

    [Theory]
    [InlineData("lz4")]
    [InlineData("zstd")]
    public Task Chunk_claiming_gigabytes_uncompressed_costs_only_what_it_decompresses_to(string variant) => Bounded.Run(() =>
    {
        // Without CRCs nothing stops the claim before decompression: the output buffer must not trust it.
        var file = WithoutCrcs(HostileMcapFiles.Valid[variant]);
        var chunk = Walk(file).First(r => r.Opcode == Chunk);
        BitConverter.TryWriteBytes(file.AsSpan(chunk.ContentOffset + 16, 8), 0x7FFF_0000UL);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = AssertLocatedError(file, $"{variant} chunk claiming 2 GiB");

        // At most the buffer a chunk's word alone buys, plus the file's own records: nowhere near the 2 GiB claimed.
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, McapCompressionCodec.TrustedSize + (2 << 20));
        Assert.Contains($"Chunk record at byte offset {chunk.Offset}", error.Message, StringComparison.Ordinal);
    });

    [Theory]
    [InlineData(Chunk, "uncompressed CRC mismatch")]
    [InlineData(Attachment, "CRC mismatch: recorded")]
    [InlineData(DataEnd, "data section CRC mismatch")]
    [InlineData(Footer, "summary CRC mismatch")]
    public void Wrong_crc_names_the_record_it_guards(byte opcode, string problem)
    {
        var file = HostileMcapFiles.Valid["uncompressed"];
        var record = Walk(file).First(r => r.Opcode == opcode);
        var crcAt = opcode switch
        {
            Chunk => record.ContentOffset + 24,
            Attachment => record.End - 4,
            DataEnd => record.ContentOffset,
            _ => record.ContentOffset + 16,
        };
        file = file.ToArray();
        file[crcAt] ^= 0x01;

        var error = AssertLocatedError(file, $"wrong CRC of opcode {opcode}");

        Assert.Contains($"byte offset {record.Offset}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    private static ClipFormatException AssertLocatedError(byte[] bytes, string what)
    {
        try
        {
            HostileMcapFiles.ReadAll(bytes, Name);
        }
        catch (ClipFormatException error)
        {
            Assert.True(Regex.IsMatch(error.Message, Located), $"{what}: {error.Message}");
            return error;
        }
        catch (Exception e)
        {
            Assert.Fail($"{what}: {e.GetType().Name} instead of a ClipFormatException: {e}");
        }

        Assert.Fail($"{what}: read cleanly");
        throw new UnreachableException();
    }
}
