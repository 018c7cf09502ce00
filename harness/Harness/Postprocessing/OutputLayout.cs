namespace Harness.Postprocessing;

/// <summary>
/// How a detector lays out its outputs. Box coordinates are model-input pixels in every layout.
/// </summary>
public enum OutputLayout
{
    /// <summary>One tensor [1, 4+C, N], channel-major: cx, cy, w, h rows then one score row per class; no objectness.</summary>
    Yolov8,

    /// <summary>One tensor [1, N, 5+C]: cx, cy, w, h, objectness, then class scores; score = objectness * class score.</summary>
    Yolov5,

    /// <summary>Two tensors: boxes [1, N, 4] as x1, y1, x2, y2 and scores [1, N, C] with no background column.</summary>
    Ssd,

    /// <summary>
    /// Four tensors, already suppressed: boxes [1, K, 4] as x1, y1, x2, y2, scores [1, K], classes [1, K] and the
    /// valid count [1] (integer outputs converted to float by the caller).
    /// </summary>
    End2End,
}
