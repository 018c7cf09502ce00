namespace Harness.Clips.Messages;

/// <summary>
/// foxglove.PointsAnnotation (protobuf) as a closed outline: timestamp = 1, type = 2 (always LINE_LOOP), points = 3,
/// outline_color = 4, thickness = 7. Per-segment colours (5) and the fill (6) stay unset: one colour per box, no fill.
/// </summary>
internal sealed record PointsAnnotation(IReadOnlyList<AnnotationPoint> Points, AnnotationColor Outline, double Thickness)
{
    /// <summary>foxglove.PointsAnnotation.Type.LINE_LOOP: segments 0-1, 1-2, ..., n-0.</summary>
    public const int LineLoop = 2;

    /// <summary>The outline of an axis-aligned box, corners clockwise from the top-left.</summary>
    public static PointsAnnotation Box(double x1, double y1, double x2, double y2, AnnotationColor outline, double thickness) =>
        new([new(x1, y1), new(x2, y1), new(x2, y2), new(x1, y2)], outline, thickness);

    public ProtobufWriter Encode(long timestampNs)
    {
        var writer = new ProtobufWriter(64 + (Points.Count * 20));
        writer.MessageField(1, FoxgloveTimestamp.Encode(timestampNs));
        writer.VarintField(2, LineLoop);
        foreach (var point in Points)
        {
            writer.MessageField(3, point.Encode());
        }

        writer.MessageField(4, Outline.Encode());
        writer.DoubleField(7, Thickness);
        return writer;
    }
}
