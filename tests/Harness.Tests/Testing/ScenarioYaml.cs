namespace Harness.Tests.Testing;

/// <summary>
/// The scenario file most suite and CLI tests need: a synthetic street clip through a reference model at the default
/// input size, every class, optionally judged against another scenario's baseline and gated on coco/AP. Two frames
/// resolve no allowed change (too few objects), so the gate is an absolute floor, which needs no interval. Tests
/// assert on <c>file:line</c>, so the lines are fixed: <c>classes</c> is line 9 when there is no baseline and no pin.
/// </summary>
internal static class ScenarioYaml
{
    public const string ShortClip = "synthetic://urban-day?seed=7&frames=2";

    /// <param name="clipPin">Lines inserted after the clip's source, e.g. <c>"  sha256: ...\n"</c>.</param>
    /// <param name="floor">The coco/AP floor of the gate.</param>
    public static string Create(string id, string clip = ShortClip, string model = "reference://detector-v1", string? baseline = null,
        bool gated = true, string clipPin = "", double floor = 0.01) =>
        $"id: {id}\n" +
        "tags: [pr]\n" +
        (baseline is null ? "" : $"baseline: {baseline}\n") +
        "clip:\n" +
        $"  source: {clip}\n" +
        clipPin +
        "model:\n" +
        $"  source: {model}\n" +
        "  layout: yolov8\n" +
        "  input: { width: 640, height: 384 }\n" +
        "  classes: [car, pedestrian, cyclist]\n" +
        (gated ? FormattableString.Invariant($"gates:\n  - metric: coco/AP\n    min: {floor}\n") : "");
}
