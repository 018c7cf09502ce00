using Harness.Clips.Synthetic;
using Harness.Inference;
using Harness.Models;
using Harness.Postprocessing;
using Harness.Postprocessing.Layouts;
using Harness.Preprocessing;
using Harness.Running;

namespace Harness.Tests.Models;

/// <summary>
/// One painted street image through the pipeline's own stages (letterbox, ONNX Runtime, YOLOv8 decode and NMS at the
/// scenarios' 0.25 / 0.45), so a reference model is judged on exactly the detections a scenario would score.
/// </summary>
internal static class ReferenceDetectorRun
{
    public const int Width = ReferenceModels.InputWidth;
    public const int Height = ReferenceModels.InputHeight;

    /// <summary>The day street of <paramref name="seed"/> with road users painted into their boxes, as an RGB8 image.</summary>
    public static CameraImage Street(int seed, params (ObjectClass Class, RectangleF Box)[] objects) => Street(seed, 0f, objects);

    /// <summary>
    /// The same street with every road user washed towards the haze colour by <paramref name="haze"/>, as the clips
    /// paint an object x metres away with min(0.5, x / 200).
    /// </summary>
    public static CameraImage Street(int seed, float haze, params (ObjectClass Class, RectangleF Box)[] objects)
    {
        var rgb = new float[Width * Height * 3];
        new StreetBackground(PinholeCamera.For(Width, Height), 7f, buildings: true, night: false, seed).Paint(rgb, 0f);
        var ids = new ushort[Width * Height];
        var colors = new Dictionary<ObjectClass, (float R, float G, float B)>
        {
            [ObjectClass.Car] = (0.75f, 0.15f, 0.12f),
            [ObjectClass.Pedestrian] = (0.2f, 0.28f, 0.7f),
            [ObjectClass.Cyclist] = (0.18f, 0.7f, 0.2f),
        };
        foreach (var (objectClass, box) in objects)
        {
            var (r, g, b) = colors[objectClass];
            RoadUserPainter.Paint(rgb, ids, Width, Height, new SceneObject { Class = objectClass, R = r, G = g, B = b }, box, haze, lightBoost: 1f, id: 1);
        }

        var pixels = rgb.Select(v => (byte)Math.Clamp((v * 255f) + 0.5f, 0f, 255f)).ToArray();
        return CameraImage.Packed(Width, Height, PixelFormat.Rgb8, pixels);
    }

    public static List<Detection> Detect(string model, CameraImage image) => Detect(ReferenceModels.Build(model), model, image);

    public static List<Detection> Detect(byte[] model, string name, CameraImage image)
    {
        var layout = OutputLayouts.Get("yolov8").Configure(Width, Height, ReferenceModels.ClassNames.Count);
        using var detector = OnnxDetector.Load(model, name, layout.Contract);
        var preprocessor = new LetterboxPreprocessor(new PreprocessOptions(Width, Height) { Letterbox = true, Scale = 1f / 255f });
        var transform = preprocessor.Preprocess(image, detector.InputBuffer);
        detector.Run();
        var outputs = new FloatOutputs(detector);
        outputs.Refresh();
        var detections = new List<Detection>();
        Postprocessor.Create(layout, new PostprocessOptions { ScoreThreshold = 0.25f, IouThreshold = 0.45f }).Process(outputs.Current, transform, detections);
        return detections;
    }
}
