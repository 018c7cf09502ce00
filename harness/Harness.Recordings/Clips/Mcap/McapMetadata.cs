namespace Harness.Clips.Mcap;

/// <summary>A named set of string key/value pairs stored in the data section.</summary>
internal sealed record McapMetadata(string Name, IReadOnlyDictionary<string, string> Values);
