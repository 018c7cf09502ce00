namespace Harness.Clips.Mcap;

/// <summary>Closes the data section with the CRC of every byte before it (0 when not computed).</summary>
internal sealed record McapDataEnd(uint DataSectionCrc);
