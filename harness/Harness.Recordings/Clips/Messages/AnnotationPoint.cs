namespace Harness.Clips.Messages;

/// <summary>foxglove.Point2 (protobuf): x = 1, y = 2, doubles, in image pixels from the top-left corner of the top-left pixel.</summary>
internal readonly record struct AnnotationPoint(double X, double Y)
{
    public ProtobufWriter Encode()
    {
        var writer = new ProtobufWriter(20);
        writer.DoubleField(1, X);
        writer.DoubleField(2, Y);
        return writer;
    }
}
