namespace Harness.Clips.Messages;

/// <summary>
/// foxglove.TextAnnotation (protobuf): timestamp = 1, position = 2 (the bottom-left of the text), text = 3,
/// font_size = 4 (pixels), text_color = 5, background_color = 6.
/// </summary>
internal sealed record TextAnnotation(AnnotationPoint Position, string Text, double FontSize, AnnotationColor TextColor, AnnotationColor BackgroundColor)
{
    public ProtobufWriter Encode(long timestampNs)
    {
        var writer = new ProtobufWriter(96 + Text.Length);
        writer.MessageField(1, FoxgloveTimestamp.Encode(timestampNs));
        writer.MessageField(2, Position.Encode());
        writer.StringField(3, Text);
        writer.DoubleField(4, FontSize);
        writer.MessageField(5, TextColor.Encode());
        writer.MessageField(6, BackgroundColor.Encode());
        return writer;
    }
}
