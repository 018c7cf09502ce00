using Google.Protobuf;
using Google.Protobuf.Reflection;
using Harness.Clips.Mcap;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Harness.Clips.Messages;

/// <summary>
/// MCAP schema records for the message types a clip carries. Protobuf schemas are binary FileDescriptorSets (schema
/// encoding "protobuf"), as Foxglove tools expect; ROS 2 images use the "ros2msg" text; truth uses JSON Schema.
/// </summary>
public static class ClipSchemas
{
    public static McapSchema RawImage(ushort id) => Protobuf(id, RawImageMessage.SchemaName, Message(
        "RawImage",
        TimestampField(),
        Field("frame_id", 7, Type.String),
        Field("width", 2, Type.Fixed32),
        Field("height", 3, Type.Fixed32),
        Field("encoding", 4, Type.String),
        Field("step", 5, Type.Fixed32),
        Field("data", 6, Type.Bytes)));

    public static McapSchema CompressedImage(ushort id) => Protobuf(id, CompressedImageMessage.SchemaName, Message(
        "CompressedImage",
        TimestampField(),
        Field("frame_id", 4, Type.String),
        Field("data", 2, Type.Bytes),
        Field("format", 3, Type.String)));

    public static McapSchema PointCloud(ushort id)
    {
        var numericType = new EnumDescriptorProto { Name = "NumericType" };
        string[] names = ["UNKNOWN", "UINT8", "INT8", "UINT16", "INT16", "UINT32", "INT32", "FLOAT32", "FLOAT64"];
        for (var i = 0; i < names.Length; i++)
        {
            numericType.Value.Add(new EnumValueDescriptorProto { Name = names[i], Number = i });
        }

        var packed = Message("PackedElementField", Field("name", 1, Type.String), Field("offset", 2, Type.Fixed32), Field("type", 3, Type.Enum, ".foxglove.PackedElementField.NumericType"));
        packed.EnumType.Add(numericType);
        var fields = Field("fields", 5, Type.Message, ".foxglove.PackedElementField");
        fields.Label = FieldDescriptorProto.Types.Label.Repeated;
        return Protobuf(
            id,
            PointCloudMessage.SchemaName,
            Message("PointCloud", TimestampField(), Field("frame_id", 2, Type.String), Field("pose", 3, Type.Message, ".foxglove.Pose"), Field("point_stride", 4, Type.Fixed32), fields, Field("data", 6, Type.Bytes)),
            Message("Vector3", Field("x", 1, Type.Double), Field("y", 2, Type.Double), Field("z", 3, Type.Double)),
            Message("Quaternion", Field("x", 1, Type.Double), Field("y", 2, Type.Double), Field("z", 3, Type.Double), Field("w", 4, Type.Double)),
            Message("Pose", Field("position", 1, Type.Message, ".foxglove.Vector3"), Field("orientation", 2, Type.Message, ".foxglove.Quaternion")),
            packed);
    }

    public static McapSchema Ros2Image(ushort id) =>
        new(id, Ros2ImageMessage.SchemaName, "ros2msg", System.Text.Encoding.UTF8.GetBytes(Ros2ImageMessage.SchemaText));

    public static McapSchema TruthBoxes(ushort id) =>
        new(id, TruthBoxesMessage.SchemaName, TruthBoxesMessage.SchemaEncoding, System.Text.Encoding.UTF8.GetBytes(TruthBoxesMessage.SchemaJson));

    private static McapSchema Protobuf(ushort id, string fullName, params DescriptorProto[] messages)
    {
        var timestamp = new FileDescriptorProto { Name = "google/protobuf/timestamp.proto", Package = "google.protobuf", Syntax = "proto3" };
        timestamp.MessageType.Add(Message("Timestamp", Field("seconds", 1, Type.Int64), Field("nanos", 2, Type.Int32)));
        var file = new FileDescriptorProto { Name = $"{fullName.Replace('.', '/')}.proto", Package = "foxglove", Syntax = "proto3" };
        file.Dependency.Add(timestamp.Name);
        file.MessageType.AddRange(messages);
        var set = new FileDescriptorSet();
        set.File.Add(timestamp);
        set.File.Add(file);
        return new McapSchema(id, fullName, "protobuf", set.ToByteArray());
    }

    private static DescriptorProto Message(string name, params FieldDescriptorProto[] fields)
    {
        var message = new DescriptorProto { Name = name };
        message.Field.AddRange(fields);
        return message;
    }

    private static FieldDescriptorProto TimestampField() => Field("timestamp", 1, Type.Message, ".google.protobuf.Timestamp");

    private static FieldDescriptorProto Field(string name, int number, Type type, string? typeName = null)
    {
        var field = new FieldDescriptorProto { Name = name, Number = number, Type = type, Label = FieldDescriptorProto.Types.Label.Optional };
        if (typeName is not null)
        {
            field.TypeName = typeName;
        }

        return field;
    }
}
