namespace Harness.Clips.Messages;

/// <summary>foxglove.Color (protobuf): r = 1, g = 2, b = 3, a = 4, doubles in [0, 1].</summary>
internal readonly record struct AnnotationColor(double R, double G, double B, double A)
{
    public ProtobufWriter Encode()
    {
        var writer = new ProtobufWriter(40);
        writer.DoubleField(1, R);
        writer.DoubleField(2, G);
        writer.DoubleField(3, B);
        writer.DoubleField(4, A);
        return writer;
    }
}
