using System.Globalization;
using Harness.Clips.Images;
using Harness.Metrics;
using Harness.Metrics.Flips;
using SkiaSharp;

namespace Harness.Reporting;

/// <summary>
/// One flipped object as a reviewer wants to see it: the same crop of the frame twice, the baseline run's detections
/// on the left and the current run's on the right, truth in green, the detection the flip is about thicker. The crop
/// is the flip's boxes with half their size again as context, at least <see cref="MinimumCrop"/> pixels.
/// </summary>
internal static class FlipCrops
{
    public const int PanelHeight = 160;
    public const int MaxPanelWidth = 240;
    public const int Gap = 6;
    public const int CaptionHeight = 14;
    private const float MinimumCrop = 48;

    /// <summary>The flips of the kept review frames that have an image, most severe first, at most <paramref name="count"/>.</summary>
    public static IReadOnlyList<(ReviewFrame Frame, ObjectFlip Flip)> Worst(IReadOnlyList<ReviewFrame> frames, int count) =>
        [.. frames.Where(f => f.Image is not null).SelectMany(f => f.Flips.Select(flip => (Frame: f, Flip: flip)))
            .OrderByDescending(p => p.Flip.Severity).ThenBy(p => p.Flip.FrameOrdinal).Take(count)];

    /// <param name="image">The frame's image, decoded.</param>
    public static byte[] Render(ReviewFrame frame, CameraImage image, ObjectFlip flip)
    {
        var region = Region(image, flip);
        var scale = Math.Min(PanelHeight / region.Height, MaxPanelWidth / region.Width);
        var panelWidth = Math.Max(1, (int)Math.Round(region.Width * scale));
        var panelHeight = Math.Max(1, (int)Math.Round(region.Height * scale));
        var info = new SKImageInfo((2 * panelWidth) + Gap, panelHeight + CaptionHeight, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var source = ImageEncoder.ToBitmap(image);
        using var sourceImage = SKImage.FromBitmap(source);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var font = new SKFont(SKTypeface.Default, 11f);
        DrawPanel(canvas, sourceImage, region, scale, 0, panelWidth, panelHeight, frame.Truth, frame.BaselineDetections ?? [], flip.Baseline, font, "baseline");
        DrawPanel(canvas, sourceImage, region, scale, panelWidth + Gap, panelWidth, panelHeight, frame.Truth, frame.Detections, flip.Current, font, "now");
        using var snapshot = surface.Snapshot();
        return Thumbnails.Jpeg(snapshot);
    }

    /// <summary>E.g. "lost pedestrian at 12 m, 38x85 px, frame 31".</summary>
    public static string Caption(ObjectFlip flip, IReadOnlyList<string> classNames)
    {
        var kind = flip.Kind switch
        {
            FlipKind.Lost => "lost",
            FlipKind.Found => "found",
            FlipKind.ClassChanged => "class changed:",
            FlipKind.FalsePositiveAppeared => "false positive appeared:",
            _ => "false positive gone:",
        };
        var name = flip.ClassId >= 0 && flip.ClassId < classNames.Count ? classNames[flip.ClassId] : flip.ClassId.ToString(CultureInfo.InvariantCulture);
        var range = flip.Truth?.RangeMeters is { } meters ? string.Create(CultureInfo.InvariantCulture, $" at {meters:0} m") : "";
        var (width, height) = flip.Truth is { } t ? (t.Width, t.Height) : Size(flip.Current ?? flip.Baseline);
        return string.Create(CultureInfo.InvariantCulture, $"{kind} {name}{range}, {width:0}x{height:0} px, frame {flip.FrameIndex}");
    }

    private static (float Width, float Height) Size(Detection? detection) =>
        detection is { } d ? (d.Width, d.Height) : (0, 0);

    private static SKRect Region(CameraImage image, ObjectFlip flip)
    {
        var boxes = new List<SKRect>();
        if (flip.Truth is { } t)
        {
            boxes.Add(new SKRect(t.X, t.Y, t.X + t.Width, t.Y + t.Height));
        }

        foreach (var d in new[] { flip.Baseline, flip.Current })
        {
            if (d is { } detection)
            {
                boxes.Add(new SKRect(detection.X1, detection.Y1, detection.X2, detection.Y2));
            }
        }

        var union = boxes.Count == 0 ? new SKRect(0, 0, image.Width, image.Height) : boxes.Aggregate(SKRect.Union);
        var padX = Math.Max(union.Width * 0.5f, (MinimumCrop - union.Width) / 2);
        var padY = Math.Max(union.Height * 0.5f, (MinimumCrop - union.Height) / 2);
        var crop = new SKRect(union.Left - padX, union.Top - padY, union.Right + padX, union.Bottom + padY);
        crop.Intersect(new SKRect(0, 0, image.Width, image.Height));
        return crop.Width < 1 || crop.Height < 1 ? new SKRect(0, 0, image.Width, image.Height) : crop;
    }

    private static void DrawPanel(SKCanvas canvas, SKImage image, SKRect region, float scale, int left, int width, int height,
        IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections, Detection? subject, SKFont font, string title)
    {
        canvas.Save();
        canvas.ClipRect(new SKRect(left, 0, left + width, height));
        canvas.DrawImage(image, region, new SKRect(left, 0, left + width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        SKRect Map(float x1, float y1, float x2, float y2) =>
            new(left + ((x1 - region.Left) * scale), (y1 - region.Top) * scale, left + ((x2 - region.Left) * scale), (y2 - region.Top) * scale);

        using var truthPaint = new SKPaint { Color = Thumbnails.TruthColor, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, IsAntialias = true };
        foreach (var box in truth.Where(b => !b.Ignore))
        {
            canvas.DrawRect(Map(box.X, box.Y, box.X + box.Width, box.Y + box.Height), truthPaint);
        }

        foreach (var d in detections)
        {
            var isSubject = subject is { } s && s.Equals(d);
            using var paint = new SKPaint { Color = isSubject ? Thumbnails.FalsePositiveColor : Thumbnails.MatchedColor, Style = SKPaintStyle.Stroke, StrokeWidth = isSubject ? 3f : 1f, IsAntialias = true };
            canvas.DrawRect(Map(d.X1, d.Y1, d.X2, d.Y2), paint);
        }

        canvas.Restore();
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText(title, left + 2, height + CaptionHeight - 3, SKTextAlign.Left, font, ink);
    }
}
