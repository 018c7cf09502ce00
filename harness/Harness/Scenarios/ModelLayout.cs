namespace Harness.Scenarios;

/// <summary>Output tensor conventions of common detector families.</summary>
public enum ModelLayout
{
    /// <summary>[1, 4+C, N]: cx, cy, w, h then class scores, no objectness.</summary>
    Yolov8,

    /// <summary>[1, N, 5+C]: cx, cy, w, h, objectness, class scores.</summary>
    Yolov5,

    /// <summary>Separate boxes and scores tensors.</summary>
    Ssd,

    /// <summary>Already suppressed: boxes, scores, classes and a count.</summary>
    End2End,
}
