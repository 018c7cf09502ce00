namespace Harness.Clips.Mcap;

/// <summary>Chunk compression; the MCAP names are "", "lz4" (LZ4 frame format) and "zstd".</summary>
public enum McapCompression
{
    None,
    Lz4,
    Zstd,
}
