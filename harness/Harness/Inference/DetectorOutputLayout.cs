namespace Harness.Inference;

/// <summary>How a detector lays out its outputs; <see cref="DetectorContract"/> checks the model's shapes against it.</summary>
public enum DetectorOutputLayout
{
    /// <summary>One output [1, 4 + C, N]: cx, cy, w, h, then C class scores, no objectness.</summary>
    Yolov8,

    /// <summary>One output [1, N, 5 + C]: cx, cy, w, h, objectness, then C class scores.</summary>
    Yolov5,

    /// <summary>Two outputs: boxes [1, N, 4] and scores [1, N, C] (or C + 1 with a background column).</summary>
    Ssd,

    /// <summary>Four outputs, already suppressed: boxes [1, K, 4], scores [1, K], classes [1, K], count [1] or [1, 1].</summary>
    End2End,
}
