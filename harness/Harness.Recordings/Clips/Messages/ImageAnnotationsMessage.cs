namespace Harness.Clips.Messages;

/// <summary>
/// foxglove.ImageAnnotations (protobuf): circles = 1 (never written here), points = 2, texts = 3. The field numbers of
/// this message and the ones it nests are those of foxglove's ImageAnnotations.proto, PointsAnnotation.proto,
/// TextAnnotation.proto, Color.proto and Point2.proto (github.com/foxglove/foxglove-sdk, schemas/proto/foxglove/).
/// The message has no timestamp of its own: every annotation carries <see cref="TimestampNs"/>, which is what Foxglove
/// matches against the image's timestamp.
/// </summary>
internal sealed record ImageAnnotationsMessage(long TimestampNs, IReadOnlyList<PointsAnnotation> Points, IReadOnlyList<TextAnnotation> Texts)
{
    public const string SchemaName = "foxglove.ImageAnnotations";

    public byte[] Encode()
    {
        var writer = new ProtobufWriter(64 + (Points.Count * 160) + (Texts.Count * 128));
        foreach (var points in Points)
        {
            writer.MessageField(2, points.Encode(TimestampNs));
        }

        foreach (var text in Texts)
        {
            writer.MessageField(3, text.Encode(TimestampNs));
        }

        return writer.ToArray();
    }
}
