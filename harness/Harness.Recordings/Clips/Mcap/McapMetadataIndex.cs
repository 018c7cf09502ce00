namespace Harness.Clips.Mcap;

/// <summary>Summary entry locating one metadata record.</summary>
internal sealed record McapMetadataIndex(ulong Offset, ulong Length, string Name);
