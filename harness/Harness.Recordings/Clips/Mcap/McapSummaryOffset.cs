namespace Harness.Clips.Mcap;

/// <summary>Locates the group of summary records with one opcode.</summary>
internal sealed record McapSummaryOffset(McapOpcode GroupOpcode, ulong GroupStart, ulong GroupLength);
