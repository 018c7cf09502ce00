using System.Globalization;
using Harness.Clips.Images;
using Harness.Metrics;
using SkiaSharp;

namespace Harness.Reporting;

/// <summary>
/// A review frame drawn small for the HTML report: truth boxes green (missed ones thicker and labelled), ignore
/// regions grey dashed, detections blue when matched, red when false positives, grey when inside an ignore region,
/// each with its score only: at 320 px class names on every box would hide the image. JPEG, as the review image it is
/// drawn from (<see cref="Jpeg"/>).
/// </summary>
internal static class Thumbnails
{
    public const int Width = 320;

    private const float LabelSize = 8f;

    internal static readonly SKColor TruthColor = new(0, 200, 60);
    internal static readonly SKColor IgnoreColor = new(150, 150, 150);
    internal static readonly SKColor MatchedColor = new(30, 110, 255);
    internal static readonly SKColor FalsePositiveColor = new(235, 30, 30);

    public static int HeightFor(ReviewImage image) => HeightFor(image.Width, image.Height);

    /// <param name="image">The frame's image, decoded.</param>
    public static byte[] Render(ReviewFrame frame, CameraImage image, IReadOnlyList<string> classNames)
    {
        var height = HeightFor(image.Width, image.Height);
        var scale = (float)Width / image.Width;
        using var source = ImageEncoder.ToBitmap(image);
        using var sourceImage = SKImage.FromBitmap(source);
        using var surface = SKSurface.Create(new SKImageInfo(Width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.DrawImage(sourceImage, new SKRect(0, 0, Width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));

        using var font = new SKFont(SKTypeface.Default, LabelSize);
        for (var t = 0; t < frame.Truth.Count; t++)
        {
            var box = frame.Truth[t];
            var rect = new SKRect(box.X * scale, box.Y * scale, (box.X + box.Width) * scale, (box.Y + box.Height) * scale);
            if (box.Ignore)
            {
                using var dash = SKPathEffect.CreateDash([4f, 3f], 0);
                DrawBox(canvas, rect, IgnoreColor, 1f, dash);
            }
            else if (frame.Missed[t])
            {
                DrawBox(canvas, rect, TruthColor, 2.5f, null);
                DrawLabel(canvas, font, rect, TruthColor, "miss " + ClassName(classNames, box.ClassId));
            }
            else
            {
                DrawBox(canvas, rect, TruthColor, 1f, null);
            }
        }

        // Lowest score first, so the labels of confident detections are drawn on top.
        foreach (var d in Enumerable.Range(0, frame.Detections.Count).OrderBy(d => frame.Detections[d].Score))
        {
            var detection = frame.Detections[d];
            var color = frame.Matches[d] switch
            {
                DetectionMatch.Matched => MatchedColor,
                DetectionMatch.FalsePositive => FalsePositiveColor,
                _ => IgnoreColor,
            };
            var rect = new SKRect(detection.X1 * scale, detection.Y1 * scale, detection.X2 * scale, detection.Y2 * scale);
            DrawBox(canvas, rect, color, 1.5f, null);
            DrawLabel(canvas, font, rect, color, detection.Score.ToString("0.00", CultureInfo.InvariantCulture));
        }

        using var snapshot = surface.Snapshot();
        return Jpeg(snapshot);
    }

    /// <summary>
    /// A drawn frame as JPEG with full-resolution colour (4:4:4): the usual halved chroma smears a 1.5 px red or blue
    /// box edge into the grey around it, and the colour is what says what a box is.
    /// </summary>
    internal static byte[] Jpeg(SKImage drawn)
    {
        using var pixels = drawn.PeekPixels();
        using var jpeg = pixels.Encode(new SKJpegEncoderOptions(ReviewImage.JpegQuality, SKJpegEncoderDownsample.Downsample444, SKJpegEncoderAlphaOption.Ignore))
            ?? throw new InvalidOperationException("Skia could not encode a drawn frame as JPEG");
        return jpeg.ToArray();
    }

    private static int HeightFor(int width, int height) => Math.Max(1, (int)Math.Round((double)height * Width / width));

    private static string ClassName(IReadOnlyList<string> classNames, int classId) =>
        classId >= 0 && classId < classNames.Count ? classNames[classId] : classId.ToString(CultureInfo.InvariantCulture);

    private static void DrawBox(SKCanvas canvas, SKRect rect, SKColor color, float width, SKPathEffect? effect)
    {
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = width, IsAntialias = true, PathEffect = effect };
        canvas.DrawRect(rect, paint);
    }

    /// <summary>White text on a tag of the box's colour, above the box, or inside it at the image's top edge.</summary>
    private static void DrawLabel(SKCanvas canvas, SKFont font, SKRect box, SKColor color, string text)
    {
        var width = font.MeasureText(text) + 2;
        var height = LabelSize + 2;
        var top = box.Top - height >= 0 ? box.Top - height : box.Top;
        using var background = new SKPaint { Color = color.WithAlpha(170), Style = SKPaintStyle.Fill };
        canvas.DrawRect(new SKRect(box.Left, top, box.Left + width, top + height), background);
        using var ink = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawText(text, box.Left + 1, top + LabelSize, SKTextAlign.Left, font, ink);
    }
}
