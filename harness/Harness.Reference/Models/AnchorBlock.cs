namespace Harness.Models;

/// <summary>
/// One grid of same-shaped anchors of one class. The template runs on the pyramid level that shrinks the input by
/// <see cref="Level"/>; kernel and stride sizes are in that level's pixels. The anchor box is the inner
/// <see cref="BoxHeight"/> x <see cref="BoxWidth"/> window, centred in the larger template; <see cref="Aspect"/> is
/// the width / height it was made for (before rounding to level pixels) and <see cref="Part"/> what of the object
/// the template looks for.
/// </summary>
internal readonly record struct AnchorBlock(int ClassId, int Level, int BoxHeight, int BoxWidth, int TemplateHeight, int TemplateWidth, int StrideY, int StrideX, float Aspect, AnchorPart Part)
{
    public int Rows(int inputHeight) => inputHeight / Level / StrideY;

    public int Columns(int inputWidth) => inputWidth / Level / StrideX;

    public static int PadBegin(int kernel, int stride) => Math.Max(kernel - stride, 0) / 2;

    public static int PadEnd(int kernel, int stride) => Math.Max(kernel - stride, 0) - PadBegin(kernel, stride);

    /// <summary>Centre of output <paramref name="index"/> along one axis, in level pixels.</summary>
    public static float Center(int index, int kernel, int stride) => (index * stride) - PadBegin(kernel, stride) + (kernel * 0.5f);
}
