namespace Harness.Clips.Mcap;

/// <summary>A chunk record with its (possibly compressed) records still packed.</summary>
internal sealed record McapChunk(
    ulong MessageStartTime,
    ulong MessageEndTime,
    ulong UncompressedSize,
    uint UncompressedCrc,
    string Compression,
    ReadOnlyMemory<byte> Records);
