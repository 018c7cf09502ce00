using System.Globalization;
using Harness.Clips.Images;
using Harness.Metrics;
using SkiaSharp;

namespace Harness.Reporting;

/// <summary>
/// One unstable track as a reviewer wants to see it: its stored crops side by side, each with the track's truth box
/// in green and the detection it matched in blue, or, where the operating point missed it, the detection overlapping it
/// most in red (labelled with its class when that is another: what a class switch looks like; of its own class it was
/// matched to another object); a missed frame framed red; under each crop its frame and what was counted there (miss,
/// flicker, class switch).
/// </summary>
internal static class TrackStrips
{
    public const int Gap = 4;
    public const int CaptionHeight = 26;
    private const float Border = 3;

    /// <param name="image">The strip's stored crops, decoded.</param>
    /// <param name="frames">The run's scored frames, which the crops' truth and detection indices refer to.</param>
    public static byte[] Render(TrackStrip strip, CameraImage image, IReadOnlyList<ScoredFrame> frames, IReadOnlyList<string> classNames)
    {
        var size = TrackStrip.CellSize;
        var count = strip.Frames.Count;
        var info = new SKImageInfo((count * size) + ((count - 1) * Gap), size + CaptionHeight, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var source = ImageEncoder.ToBitmap(image);
        using var sourceImage = SKImage.FromBitmap(source);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var font = new SKFont(SKTypeface.Default, 10f);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var alarm = new SKPaint { Color = Thumbnails.FalsePositiveColor, IsAntialias = true };
        for (var c = 0; c < count; c++)
        {
            var cell = strip.Frames[c];
            var left = c * (size + Gap);
            canvas.DrawImage(sourceImage, new SKRect(c * size, 0, (c + 1) * size, size), new SKRect(left, 0, left + size, size), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
            canvas.Save();
            canvas.ClipRect(new SKRect(left, 0, left + size, size));
            DrawBoxes(canvas, cell, frames[cell.Ordinal], left, font, classNames);
            canvas.Restore();
            if (cell.Missed)
            {
                using var frame = new SKPaint { Color = Thumbnails.FalsePositiveColor, Style = SKPaintStyle.Stroke, StrokeWidth = Border };
                canvas.DrawRect(new SKRect(left + (Border / 2), Border / 2, left + size - (Border / 2), size - (Border / 2)), frame);
            }

            canvas.DrawText(string.Create(CultureInfo.InvariantCulture, $"frame {cell.FrameIndex}"), left + 2, size + 11, SKTextAlign.Left, font, ink);
            if (Marks(cell) is { Length: > 0 } marks)
            {
                canvas.DrawText(marks, left + 2, size + 23, SKTextAlign.Left, font, alarm);
            }
        }

        using var snapshot = surface.Snapshot();
        return Thumbnails.Jpeg(snapshot);
    }

    /// <summary>E.g. "pedestrian track 12: 3 flickers, 1 class switch, frames 28-34".</summary>
    public static string Caption(TrackStrip strip, IReadOnlyList<string> classNames)
    {
        var name = strip.ClassId >= 0 && strip.ClassId < classNames.Count ? classNames[strip.ClassId] : strip.ClassId.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"{name} track {strip.TrackId}: {strip.Flickers} flicker{(strip.Flickers == 1 ? "" : "s")}, {strip.ClassSwitches} class switch{(strip.ClassSwitches == 1 ? "" : "es")}, frames {strip.Frames[0].FrameIndex}-{strip.Frames[^1].FrameIndex}");
    }

    /// <summary>What was counted at the crop's frame, e.g. "miss, flicker"; empty when the track was found and nothing was counted.</summary>
    internal static string Marks(TrackStripFrame cell) =>
        string.Join(", ", new[] { (cell.Missed, "miss"), (cell.Flicker, "flicker"), (cell.ClassSwitch, "class switch") }.Where(m => m.Item1).Select(m => m.Item2));

    private static void DrawBoxes(SKCanvas canvas, TrackStripFrame cell, ScoredFrame frame, int left, SKFont font, IReadOnlyList<string> classNames)
    {
        var scale = TrackStrip.CellSize / cell.Side;
        SKRect Map(float x1, float y1, float x2, float y2) =>
            new(left + ((x1 - cell.X) * scale), (y1 - cell.Y) * scale, left + ((x2 - cell.X) * scale), (y2 - cell.Y) * scale);

        if (cell.Truth >= 0)
        {
            var box = frame.Truth[cell.Truth];
            using var truth = new SKPaint { Color = Thumbnails.TruthColor, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, IsAntialias = true };
            canvas.DrawRect(Map(box.X, box.Y, box.X + box.Width, box.Y + box.Height), truth);
        }

        var (shown, matched) = cell.Match >= 0 ? (cell.Match, true) : (cell.SeenAs, false);
        if (shown < 0)
        {
            return;
        }

        var detection = frame.Detections[shown];
        var color = matched ? Thumbnails.MatchedColor : Thumbnails.FalsePositiveColor;
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, IsAntialias = true };
        var rect = Map(detection.X1, detection.Y1, detection.X2, detection.Y2);
        canvas.DrawRect(rect, paint);
        if (!matched && detection.ClassId != frame.Truth[cell.Truth].ClassId)
        {
            using var text = new SKPaint { Color = color, IsAntialias = true };
            var label = detection.ClassId >= 0 && detection.ClassId < classNames.Count ? classNames[detection.ClassId] : detection.ClassId.ToString(CultureInfo.InvariantCulture);
            canvas.DrawText(label, Math.Max(left + 2, rect.Left + 1), Math.Max(10, rect.Top - 2), SKTextAlign.Left, font, text);
        }
    }
}
