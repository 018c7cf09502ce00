using System.Buffers;
using System.Runtime.InteropServices;
using K4os.Compression.LZ4;
using K4os.Compression.LZ4.Streams;
using ZstdSharp;

namespace Harness.Clips.Mcap;

/// <summary>Chunk compression by MCAP name: "" (none), "lz4" (LZ4 frame format), "zstd".</summary>
internal static class McapCompressionCodec
{
    /// <summary>A zstd context per thread: creating one per chunk costs more than decompressing a small chunk.</summary>
    /// <summary>
    /// The largest output buffer allocated on a chunk's word alone, so a corrupted size field costs at most that. It
    /// holds what writers produce (this project's aims at 4 MiB and closes a chunk after the message that crosses it,
    /// one camera frame of up to ~8 MB more): below it the output is allocated once at its declared size instead of
    /// grown by doubling, which allocated twice the payload of lz4 and zstd clips. Larger chunks grow by doubling.
    /// </summary>
    internal const int TrustedSize = 16 << 20;

    private const int StreamingPiece = 1 << 20;

    [ThreadStatic]
    private static Decompressor? ZstdDecompressor;

    public static string Name(McapCompression compression) => compression switch
    {
        McapCompression.None => "",
        McapCompression.Lz4 => "lz4",
        McapCompression.Zstd => "zstd",
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "unknown compression"),
    };

    public static bool IsKnown(string name) => name is "" or "lz4" or "zstd";

    /// <summary>Compresses into <paramref name="target"/> (cleared first).</summary>
    public static void Compress(McapCompression compression, ReadOnlySpan<byte> source, ArrayBufferWriter<byte> target)
    {
        target.ResetWrittenCount();
        switch (compression)
        {
            case McapCompression.Lz4:
                LZ4Frame.Encode(source, target, LZ4Level.L00_FAST);
                break;
            case McapCompression.Zstd:
                using (var compressor = new Compressor(3))
                {
                    var span = target.GetSpan(Compressor.GetCompressBound(source.Length));
                    target.Advance(compressor.Wrap(source, span));
                }

                break;
            default:
                target.Write(source);
                break;
        }
    }

    /// <summary>
    /// Decompresses an lz4 or zstd chunk to at most <paramref name="declaredSize"/> bytes (a chunk's uncompressed size, which a corrupted file
    /// may overstate by gigabytes). Up to <see cref="TrustedSize"/> the output buffer is allocated at once; beyond it,
    /// it grows with the data actually produced.
    /// </summary>
    public static ReadOnlyMemory<byte> Decompress(string compression, ReadOnlyMemory<byte> source, int declaredSize)
    {
        var output = new McapBoundedBufferWriter(TrustedSize, declaredSize);
        switch (compression)
        {
            case "lz4":
                LZ4Frame.Decode(source.Span, output);
                break;
            case "zstd" when declaredSize <= TrustedSize:
                ZstdDecompressor ??= new Decompressor();
                output.Advance(ZstdDecompressor.Unwrap(source.Span, output.GetSpan(declaredSize)));
                break;
            case "zstd":
                DecompressStreaming(source, output, declaredSize);
                break;
            default:
                throw new NotSupportedException($"unsupported chunk compression '{compression}'");
        }

        return output.WrittenMemory;
    }

    /// <summary>Reads the zstd stream piece by piece, stopping one byte past the declared size.</summary>
    private static void DecompressStreaming(ReadOnlyMemory<byte> source, McapBoundedBufferWriter output, int declaredSize)
    {
        using var compressed = MemoryMarshal.TryGetArray(source, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(source.ToArray(), writable: false);
        using var stream = new DecompressionStream(compressed);
        while (output.Written < declaredSize)
        {
            var read = stream.Read(output.GetSpan(Math.Min(StreamingPiece, declaredSize - output.Written)));
            if (read == 0)
            {
                return;
            }

            output.Advance(read);
        }

        Span<byte> probe = stackalloc byte[1];
        if (stream.Read(probe) != 0)
        {
            throw new InvalidDataException("the data decompresses to more than the declared uncompressed size");
        }
    }
}
