using Harness.Clips.Messages;

namespace Harness.Tests.Clips.Messages;

public sealed class ImageAnnotationsMessageTests
{
    private static readonly AnnotationColor Orange = new(1, 0.55, 0, 1);
    private static readonly AnnotationColor White = new(1, 1, 1, 1);

    [Fact]
    public void Box_and_label_decode_against_the_schema_to_what_was_written()
    {
        var message = new ImageAnnotationsMessage(
            1_500_000_000,
            [PointsAnnotation.Box(10, 20, 50.5, 80, Orange, 3)],
            [new TextAnnotation(new AnnotationPoint(10, 92), "base car 0.87", 12, White, Orange with { A = 0.7 })]);

        var decoded = SchemaDecoder.Decode(ClipSchemas.ImageAnnotations(1), message.Encode());

        Assert.Empty(decoded.All("circles"));
        var box = Assert.Single(decoded.Messages("points"));
        Assert.Equal((1L, 500_000_000), Timestamp(box));
        Assert.Equal("LINE_LOOP", box.Value("type", "UNKNOWN"));
        Assert.Equal([(10.0, 20.0), (50.5, 20.0), (50.5, 80.0), (10.0, 80.0)], box.Messages("points").Select(Point));
        Assert.Equal((1.0, 0.55, 0.0, 1.0), Color(box.Message("outline_color")));
        Assert.Empty(box.All("outline_colors"));
        Assert.Empty(box.All("fill_color"));
        Assert.Equal(3.0, box.Value("thickness", 0.0));

        var label = Assert.Single(decoded.Messages("texts"));
        Assert.Equal((1L, 500_000_000), Timestamp(label));
        Assert.Equal((10.0, 92.0), Point(label.Message("position")));
        Assert.Equal("base car 0.87", label.Value("text", ""));
        Assert.Equal(12.0, label.Value("font_size", 0.0));
        Assert.Equal((1.0, 1.0, 1.0, 1.0), Color(label.Message("text_color")));
        Assert.Equal((1.0, 0.55, 0.0, 0.7), Color(label.Message("background_color")));
    }

    [Fact]
    public void Frame_without_boxes_is_an_empty_message()
    {
        Assert.Empty(new ImageAnnotationsMessage(7, [], []).Encode());
    }

    private static (long Seconds, int Nanos) Timestamp(DecodedMessage annotation)
    {
        var timestamp = annotation.Message("timestamp");
        return (timestamp.Value("seconds", 0L), timestamp.Value("nanos", 0));
    }

    private static (double X, double Y) Point(DecodedMessage point) => (point.Value("x", 0.0), point.Value("y", 0.0));

    private static (double R, double G, double B, double A) Color(DecodedMessage color) =>
        (color.Value("r", 0.0), color.Value("g", 0.0), color.Value("b", 0.0), color.Value("a", 0.0));
}
