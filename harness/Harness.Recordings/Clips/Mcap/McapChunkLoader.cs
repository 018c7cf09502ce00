using System.Buffers;
using System.Globalization;
using System.IO.Hashing;

namespace Harness.Clips.Mcap;

/// <summary>Reads a chunk record, decompresses its records and checks their size and CRC.</summary>
internal static class McapChunkLoader
{
    /// <summary>The chunk's records in an array of their own (messages slice it, so it outlives this call).</summary>
    public static ReadOnlyMemory<byte> Load(McapFile file, long offset, long limit)
    {
        var (rented, length) = file.ReadRecordRented(offset, McapOpcode.Chunk, limit);
        try
        {
            var at = file.At(offset, McapOpcode.Chunk);
            var chunk = McapRecordParser.Chunk(rented.AsMemory(0, length), at);
            var records = Decompress(chunk, at);
            if (chunk.Compression.Length != 0)
            {
                return records;
            }

            var owned = GC.AllocateUninitializedArray<byte>(records.Length);
            records.Span.CopyTo(owned);
            return owned;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static ReadOnlyMemory<byte> Decompress(McapChunk chunk, McapRecordLocation at)
    {
        if (!McapCompressionCodec.IsKnown(chunk.Compression))
        {
            throw at.Error($"unsupported compression '{chunk.Compression}' (supported: none, lz4, zstd)");
        }

        if (chunk.UncompressedSize > (ulong)Array.MaxLength)
        {
            throw at.Error(string.Create(CultureInfo.InvariantCulture, $"uncompressed size {chunk.UncompressedSize} is too large"));
        }

        ReadOnlyMemory<byte> records;
        if (chunk.Compression.Length == 0)
        {
            records = chunk.Records;
        }
        else
        {
            try
            {
                records = McapCompressionCodec.Decompress(chunk.Compression, chunk.Records, (int)chunk.UncompressedSize);
            }
            catch (Exception e) when (e is not ClipFormatException)
            {
                throw at.Error($"{chunk.Compression} decompression failed: {e.Message} (the chunk is corrupted)", e);
            }
        }

        if ((ulong)records.Length != chunk.UncompressedSize)
        {
            throw at.Error(string.Create(
                CultureInfo.InvariantCulture,
                $"records are {records.Length} bytes but the chunk declares an uncompressed size of {chunk.UncompressedSize} (the chunk is corrupted)"));
        }

        if (chunk.UncompressedCrc != 0)
        {
            var computed = Crc32.HashToUInt32(records.Span);
            if (computed != chunk.UncompressedCrc)
            {
                throw at.Error($"uncompressed CRC mismatch: recorded 0x{chunk.UncompressedCrc:X8}, computed 0x{computed:X8} (the chunk is corrupted)");
            }
        }

        return records;
    }
}
