namespace Harness.Preprocessing;

/// <summary>How a letterbox turns the scaled source size into whole pixels (<c>model.input.size_rounding</c>).</summary>
public enum SizeRounding
{
    /// <summary>Round half to even, as Ultralytics' <c>LetterBox</c> does with Python's <c>round</c>.</summary>
    Round,

    /// <summary>Truncate, as YOLOX's <c>preproc</c> does with <c>int(w * r)</c>: one pixel narrower for some sizes.</summary>
    Truncate,
}
