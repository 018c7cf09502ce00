namespace Harness.Scenarios;

/// <summary>Where the frames come from and which channels carry camera, truth and lidar.</summary>
public sealed record ClipSpec(string Source, string? Sha256, string Camera, string Truth, string? Lidar);
