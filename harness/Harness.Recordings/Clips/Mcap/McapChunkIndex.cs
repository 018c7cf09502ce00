namespace Harness.Clips.Mcap;

/// <summary>Summary entry locating one chunk; lengths count whole records (opcode and length prefix included).</summary>
internal sealed record McapChunkIndex(
    ulong MessageStartTime,
    ulong MessageEndTime,
    ulong ChunkStartOffset,
    ulong ChunkLength,
    IReadOnlyList<KeyValuePair<ushort, ulong>> MessageIndexOffsets,
    ulong MessageIndexLength,
    string Compression,
    ulong CompressedSize,
    ulong UncompressedSize);
