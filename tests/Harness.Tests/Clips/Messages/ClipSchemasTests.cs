using Google.Protobuf;
using Google.Protobuf.Reflection;
using Harness.Clips.Messages;

namespace Harness.Tests.Clips.Messages;

public sealed class ClipSchemasTests
{
    [Fact]
    public void Protobuf_schemas_are_descriptor_sets_google_protobuf_can_build()
    {
        foreach (var schema in new[] { ClipSchemas.RawImage(1), ClipSchemas.CompressedImage(2), ClipSchemas.PointCloud(3) })
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
}
