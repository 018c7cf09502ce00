namespace Harness.Clips.Mcap;

/// <summary>An auxiliary file stored in the data section (calibration, a map, a config).</summary>
internal sealed record McapAttachment(ulong LogTime, ulong CreateTime, string Name, string MediaType, ReadOnlyMemory<byte> Data);
