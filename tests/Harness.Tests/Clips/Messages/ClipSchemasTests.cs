using Google.Protobuf;
using Google.Protobuf.Reflection;
using Harness.Clips.Messages;

namespace Harness.Tests.Clips.Messages;

public sealed class ClipSchemasTests
{
    [Fact]
    public void Protobuf_schemas_are_descriptor_sets_google_protobuf_can_build()
    {
        foreach (var schema in new[] { ClipSchemas.RawImage(1), ClipSchemas.CompressedImage(2), ClipSchemas.PointCloud(3), ClipSchemas.ImageAnnotations(4) })
        {
            var set = FileDescriptorSet.Parser.ParseFrom(schema.Data.ToArray());
            var files = FileDescriptor.BuildFromByteStrings(set.File.Select(file => file.ToByteString()));
            var message = files.SelectMany(file => file.MessageTypes).Single(type => type.FullName == schema.Name);

            Assert.Equal("protobuf", schema.Encoding);
            Assert.NotEmpty(message.Fields.InFieldNumberOrder());
        }
    }

    [Fact]
    public void Raw_image_schema_numbers_match_the_codec()
    {
        var set = FileDescriptorSet.Parser.ParseFrom(ClipSchemas.RawImage(1).Data.ToArray());
        var fields = set.File.Single(file => file.Package == "foxglove").MessageType.Single().Field.ToDictionary(f => f.Name, f => f.Number);

        Assert.Equal(new Dictionary<string, int> { ["timestamp"] = 1, ["frame_id"] = 7, ["width"] = 2, ["height"] = 3, ["encoding"] = 4, ["step"] = 5, ["data"] = 6 }, fields);
    }

    /// <summary>The numbers of foxglove's schemas/proto/foxglove/*.proto, written out here rather than read from the code under test.</summary>
    [Fact]
    public void Image_annotations_schema_numbers_match_foxglove()
    {
        var file = SchemaDecoder.Descriptor(ClipSchemas.ImageAnnotations(1)).File;
        var messages = file.MessageTypes.ToDictionary(m => m.Name, m => m.Fields.InFieldNumberOrder().ToDictionary(f => f.Name, f => f.FieldNumber));

        Assert.Equal(new Dictionary<string, int> { ["circles"] = 1, ["points"] = 2, ["texts"] = 3 }, messages["ImageAnnotations"]);
        Assert.Equal(new Dictionary<string, int> { ["timestamp"] = 1, ["type"] = 2, ["points"] = 3, ["outline_color"] = 4, ["outline_colors"] = 5, ["fill_color"] = 6, ["thickness"] = 7 }, messages["PointsAnnotation"]);
        Assert.Equal(new Dictionary<string, int> { ["timestamp"] = 1, ["position"] = 2, ["text"] = 3, ["font_size"] = 4, ["text_color"] = 5, ["background_color"] = 6 }, messages["TextAnnotation"]);
        Assert.Equal(new Dictionary<string, int> { ["timestamp"] = 1, ["position"] = 2, ["diameter"] = 3, ["thickness"] = 4, ["fill_color"] = 5, ["outline_color"] = 6 }, messages["CircleAnnotation"]);
        Assert.Equal(new Dictionary<string, int> { ["x"] = 1, ["y"] = 2 }, messages["Point2"]);
        Assert.Equal(new Dictionary<string, int> { ["r"] = 1, ["g"] = 2, ["b"] = 3, ["a"] = 4 }, messages["Color"]);
        var type = file.MessageTypes.Single(m => m.Name == "PointsAnnotation").EnumTypes.Single();
        Assert.Equal(["UNKNOWN", "POINTS", "LINE_LOOP", "LINE_STRIP", "LINE_LIST"], type.Values.OrderBy(v => v.Number).Select(v => v.Name));
        Assert.Equal(PointsAnnotation.LineLoop, type.FindValueByName("LINE_LOOP").Number);
    }
}
