namespace Harness.Preprocessing;

/// <summary>How the image is resized before normalisation (<c>model.input.resize</c>).</summary>
public enum ResizeMethod
{
    /// <summary>
    /// OpenCV's <c>cv2.resize(..., interpolation=INTER_LINEAR)</c> on the 8-bit image into an 8-bit image, bit for bit
    /// (<see cref="OpenCvLinearResize"/>), then normalised: what Ultralytics, YOLOX, MMDetection and most deployment
    /// code do.
    /// </summary>
    EightBit,

    /// <summary>Bilinear straight into float, no rounding to 8 bits: a pipeline that converts to float before resizing.</summary>
    FloatingPoint,
}
