using System.Globalization;
using Harness.Clips.Messages;
using Harness.Metrics;

namespace Harness.Reporting;

/// <summary>
/// One frame's boxes for <c>review.mcap</c>: truth green (labelled with its class), the baseline run's detections
/// orange ("base car 0.87"), this run's blue ("car 0.91"), ignore regions grey. Baseline boxes are thicker and come
/// before this run's, so where the two runs agree the blue outline shows inside the orange one. Labels sit where
/// coinciding boxes cannot make them cover each other: this run's above the box, the baseline's below it, the truth's
/// inside its top edge.
/// </summary>
internal static class ReviewAnnotations
{
    internal static readonly AnnotationColor TruthColor = new(0, 0.78, 0.24, 1);
    internal static readonly AnnotationColor BaselineColor = new(1, 0.55, 0, 1);
    internal static readonly AnnotationColor CurrentColor = new(0.12, 0.43, 1, 1);
    internal static readonly AnnotationColor IgnoreColor = new(0.6, 0.6, 0.6, 1);

    private const double FontSize = 12;
    private const double LabelBackgroundAlpha = 0.7;
    private static readonly AnnotationColor LabelInk = new(1, 1, 1, 1);

    /// <param name="baseline">The baseline run's detections of this frame; null when the baseline has none for it.</param>
    public static ImageAnnotationsMessage For(ScoredFrame frame, IReadOnlyList<Detection>? baseline, IReadOnlyList<string> classNames)
    {
        var points = new List<PointsAnnotation>();
        var texts = new List<TextAnnotation>();
        foreach (var box in frame.Truth)
        {
            var color = box.Ignore ? IgnoreColor : TruthColor;
            points.Add(PointsAnnotation.Box(box.X, box.Y, box.X + box.Width, box.Y + box.Height, color, 2));
            texts.Add(Label(box.X + 1, box.Y + FontSize, box.Ignore ? "ignore" : ClassName(classNames, box.ClassId), color));
        }

        foreach (var d in baseline ?? [])
        {
            points.Add(PointsAnnotation.Box(d.X1, d.Y1, d.X2, d.Y2, BaselineColor, 3));
            texts.Add(Label(d.X1, d.Y2 + FontSize, "base " + Describe(d, classNames), BaselineColor));
        }

        foreach (var d in frame.Detections)
        {
            points.Add(PointsAnnotation.Box(d.X1, d.Y1, d.X2, d.Y2, CurrentColor, 1.5));
            texts.Add(Label(d.X1, d.Y1, Describe(d, classNames), CurrentColor));
        }

        return new ImageAnnotationsMessage(frame.TimestampNs, points, texts);
    }

    private static string Describe(Detection detection, IReadOnlyList<string> classNames) =>
        ClassName(classNames, detection.ClassId) + " " + detection.Score.ToString("0.00", CultureInfo.InvariantCulture);

    private static TextAnnotation Label(double x, double y, string text, AnnotationColor color) =>
        new(new AnnotationPoint(x, y), text, FontSize, LabelInk, color with { A = LabelBackgroundAlpha });

    private static string ClassName(IReadOnlyList<string> classNames, int classId) =>
        classId >= 0 && classId < classNames.Count ? classNames[classId] : classId.ToString(CultureInfo.InvariantCulture);
}
