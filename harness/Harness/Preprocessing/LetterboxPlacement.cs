namespace Harness.Preprocessing;

/// <summary>Where a letterboxed image sits inside the model input; the rest is padding.</summary>
public enum LetterboxPlacement
{
    /// <summary>Padding split between both sides, the odd pixel to the right/bottom (Ultralytics <c>LetterBox(center=True)</c>).</summary>
    Center,

    /// <summary>Image in the top-left corner, all padding right and below (YOLOX <c>preproc</c>, Ultralytics <c>center=False</c>).</summary>
    TopLeft,
}
