using System.Buffers;
using K4os.Compression.LZ4;
using K4os.Compression.LZ4.Streams;
using ZstdSharp;

namespace Harness.Clips.Mcap;

/// <summary>Chunk compression by MCAP name: "" (none), "lz4" (LZ4 frame format), "zstd".</summary>
internal static class McapCompressionCodec
{
    /// <summary>A zstd context per thread: creating one per chunk costs more than decompressing a small chunk.</summary>
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

    /// <summary>Decompresses exactly <paramref name="target"/>.Length bytes; returns how many were produced.</summary>
    public static int Decompress(string compression, ReadOnlySpan<byte> source, byte[] target)
    {
        switch (compression)
        {
            case "":
                source.CopyTo(target);
                return source.Length;
            case "lz4":
                var writer = new McapFixedBufferWriter(target);
                LZ4Frame.Decode(source, writer);
                return writer.Written;
            case "zstd":
                ZstdDecompressor ??= new Decompressor();
                return ZstdDecompressor.Unwrap(source, target);

            default:
                throw new NotSupportedException($"unsupported chunk compression '{compression}'");
        }
    }
}
