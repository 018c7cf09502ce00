using Google.Protobuf;
using Google.Protobuf.Reflection;
using Harness.Clips.Mcap;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Harness.Clips.Messages;

/// <summary>
/// MCAP schema records for the message types a clip carries. Protobuf schemas are binary FileDescriptorSets (schema
/// encoding "protobuf"), as Foxglove tools expect; ROS 2 images use the "ros2msg" text; truth uses JSON Schema.
/// </summary>
internal static class ClipSchemas
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
        var packed = Message("PackedElementField", Field("name", 1, Type.String), Field("offset", 2, Type.Fixed32), Field("type", 3, Type.Enum, ".foxglove.PackedElementField.NumericType"));
        packed.EnumType.Add(Enum("NumericType", "UNKNOWN", "UINT8", "INT8", "UINT16", "INT16", "UINT32", "INT32", "FLOAT32", "FLOAT64"));
        return Protobuf(
            id,
            PointCloudMessage.SchemaName,
            Message("PointCloud", TimestampField(), Field("frame_id", 2, Type.String), Field("pose", 3, Type.Message, ".foxglove.Pose"), Field("point_stride", 4, Type.Fixed32), Repeated(Field("fields", 5, Type.Message, ".foxglove.PackedElementField")), Field("data", 6, Type.Bytes)),
            Message("Vector3", Field("x", 1, Type.Double), Field("y", 2, Type.Double), Field("z", 3, Type.Double)),
            Message("Quaternion", Field("x", 1, Type.Double), Field("y", 2, Type.Double), Field("z", 3, Type.Double), Field("w", 4, Type.Double)),
            Message("Pose", Field("position", 1, Type.Message, ".foxglove.Vector3"), Field("orientation", 2, Type.Message, ".foxglove.Quaternion")),
            packed);
    }

    /// <summary>
    /// foxglove.ImageAnnotations with every message it nests, numbered as in foxglove's .proto files (see
    /// <see cref="ImageAnnotationsMessage"/>). CircleAnnotation is declared although nothing writes circles, so a reader
    /// of the schema finds the message complete. Left out are only fields no writer here sets and whose absence a
    /// reader cannot tell from "unset": the annotations' repeated metadata (KeyValuePair) and the message id and
    /// lineage fields of newer schema versions.
    /// </summary>
    public static McapSchema ImageAnnotations(ushort id)
    {
        const string point = ".foxglove.Point2", color = ".foxglove.Color";
        var points = Message(
            "PointsAnnotation",
            TimestampField(),
            Field("type", 2, Type.Enum, ".foxglove.PointsAnnotation.Type"),
            Repeated(Field("points", 3, Type.Message, point)),
            Field("outline_color", 4, Type.Message, color),
            Repeated(Field("outline_colors", 5, Type.Message, color)),
            Field("fill_color", 6, Type.Message, color),
            Field("thickness", 7, Type.Double));
        points.EnumType.Add(Enum("Type", "UNKNOWN", "POINTS", "LINE_LOOP", "LINE_STRIP", "LINE_LIST"));
        return Protobuf(
            id,
            ImageAnnotationsMessage.SchemaName,
            Message(
                "ImageAnnotations",
                Repeated(Field("circles", 1, Type.Message, ".foxglove.CircleAnnotation")),
                Repeated(Field("points", 2, Type.Message, ".foxglove.PointsAnnotation")),
                Repeated(Field("texts", 3, Type.Message, ".foxglove.TextAnnotation"))),
            Message(
                "CircleAnnotation",
                TimestampField(),
                Field("position", 2, Type.Message, point),
                Field("diameter", 3, Type.Double),
                Field("thickness", 4, Type.Double),
                Field("fill_color", 5, Type.Message, color),
                Field("outline_color", 6, Type.Message, color)),
            points,
            Message(
                "TextAnnotation",
                TimestampField(),
                Field("position", 2, Type.Message, point),
                Field("text", 3, Type.String),
                Field("font_size", 4, Type.Double),
                Field("text_color", 5, Type.Message, color),
                Field("background_color", 6, Type.Message, color)),
            Message("Point2", Field("x", 1, Type.Double), Field("y", 2, Type.Double)),
            Message("Color", Field("r", 1, Type.Double), Field("g", 2, Type.Double), Field("b", 3, Type.Double), Field("a", 4, Type.Double)));
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

    /// <summary>An enum whose values are numbered in the order given, from 0.</summary>
    private static EnumDescriptorProto Enum(string name, params string[] values)
    {
        var type = new EnumDescriptorProto { Name = name };
        for (var i = 0; i < values.Length; i++)
        {
            type.Value.Add(new EnumValueDescriptorProto { Name = values[i], Number = i });
        }

        return type;
    }

    private static FieldDescriptorProto Repeated(FieldDescriptorProto field)
    {
        field.Label = FieldDescriptorProto.Types.Label.Repeated;
        return field;
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
