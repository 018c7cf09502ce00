namespace Harness.Clips.Mcap;

/// <summary>Summary entry locating one attachment record.</summary>
internal sealed record McapAttachmentIndex(
    ulong Offset,
    ulong Length,
    ulong LogTime,
    ulong CreateTime,
    ulong DataSize,
    string Name,
    string MediaType);
