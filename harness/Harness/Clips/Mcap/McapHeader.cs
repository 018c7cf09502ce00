namespace Harness.Clips.Mcap;

/// <summary>The header record: the profile (e.g. "ros2") and the writing library.</summary>
public sealed record McapHeader(string Profile, string Library);
