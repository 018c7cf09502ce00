namespace Harness.Clips.Mcap;

/// <summary>What one sequential pass over the data section found, including the data section CRC it computed.</summary>
internal sealed record McapDataSectionScan(
    IReadOnlyList<McapBlock> Blocks,
    IReadOnlyList<McapSchema> Schemas,
    IReadOnlyList<McapChannel> Channels,
    IReadOnlyList<long> AttachmentOffsets,
    IReadOnlyList<long> MetadataOffsets,
    long DataEndOffset,
    uint RecordedCrc,
    uint ComputedCrc);
