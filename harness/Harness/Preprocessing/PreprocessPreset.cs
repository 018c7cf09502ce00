namespace Harness.Preprocessing;

/// <summary>
/// A whole known preprocessing pipeline under one name (<c>model.input.preset</c>): every setting the exporter's
/// reference code fixes. A scenario's own keys beside the preset override it. docs/preprocessing.md has the table and
/// where each row comes from.
/// </summary>
internal sealed record PreprocessPreset(
    string Name,
    string Source,
    float Scale,
    IReadOnlyList<float> Mean,
    IReadOnlyList<float> Std,
    ChannelOrder Order,
    bool Letterbox,
    LetterboxPlacement Placement,
    byte PadValue,
    ResizeMethod Resize,
    SizeRounding SizeRounding)
{
    private static readonly float[] Zero = [0, 0, 0];
    private static readonly float[] One = [1, 1, 1];

    /// <summary>The registered presets, by name.</summary>
    public static IReadOnlyList<PreprocessPreset> All { get; } =
    [
        new("ultralytics", "Ultralytics YOLOv5/v8/11 LetterBox(center=True), cv2.resize INTER_LINEAR, im /= 255",
            1f / 255, Zero, One, ChannelOrder.Rgb, Letterbox: true, LetterboxPlacement.Center, 114, ResizeMethod.EightBit, SizeRounding.Round),
        new("yolox", "YOLOX preproc: r = min(H/h, W/w), cv2.resize to int(w*r) x int(h*r), top-left on 114, BGR 0-255",
            1f, Zero, One, ChannelOrder.Bgr, Letterbox: true, LetterboxPlacement.TopLeft, 114, ResizeMethod.EightBit, SizeRounding.Truncate),
        new("rtdetr", "Ultralytics RT-DETR: LetterBox(scale_fill=True), the image stretched to the input with cv2.resize, im /= 255",
            1f / 255, Zero, One, ChannelOrder.Rgb, Letterbox: false, LetterboxPlacement.Center, 114, ResizeMethod.EightBit, SizeRounding.Round),
        new("torchvision", "torchvision GeneralizedRCNNTransform: ToTensor, Normalize(ImageNet), bilinear interpolate on float, padded right and below",
            1f / 255, [0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f], ChannelOrder.Rgb, Letterbox: true, LetterboxPlacement.TopLeft, 124,
            ResizeMethod.FloatingPoint, SizeRounding.Round),
    ];

    public static PreprocessPreset? Named(string name) => All.FirstOrDefault(p => p.Name == name);
}
