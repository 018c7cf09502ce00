using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Harness.Clips.Messages;

/// <summary>
/// foxglove.PointCloud (protobuf): timestamp = 1, frame_id = 2, pose = 3, point_stride = 4 (fixed32),
/// fields = 5 (repeated PackedElementField), data = 6.
/// </summary>
internal sealed record PointCloudMessage(
    long TimestampNs,
    string FrameId,
    int PointStride,
    IReadOnlyList<PackedElementField> Fields,
    ReadOnlyMemory<byte> Data,
    PointCloudPose? Pose = null)
{
    public const string SchemaName = "foxglove.PointCloud";

    private static readonly PackedElementField[] XyziFields =
    [
        new("x", 0, PackedNumericType.Float32),
        new("y", 4, PackedNumericType.Float32),
        new("z", 8, PackedNumericType.Float32),
        new("intensity", 12, PackedNumericType.Float32),
    ];

    /// <summary>A cloud of packed float32 (x, y, z, intensity) points, 16 bytes each.</summary>
    public static PointCloudMessage FromXyzi(long timestampNs, string frameId, ReadOnlySpan<float> xyzi)
    {
        if (xyzi.Length % 4 != 0)
        {
            throw new ArgumentException("Points must be (x, y, z, intensity) quadruples.", nameof(xyzi));
        }

        var data = new byte[xyzi.Length * sizeof(float)];
        for (var i = 0; i < xyzi.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * 4), xyzi[i]);
        }

        return new PointCloudMessage(timestampNs, frameId, 16, XyziFields, data, PointCloudPose.Identity);
    }

    public byte[] Encode()
    {
        var writer = new ProtobufWriter(Data.Length + 160);
        writer.MessageField(1, FoxgloveTimestamp.Encode(TimestampNs));
        writer.StringField(2, FrameId);
        if (Pose is not null)
        {
            writer.MessageField(3, Pose.Encode());
        }

        writer.Fixed32Field(4, (uint)PointStride);
        foreach (var field in Fields)
        {
            var nested = new ProtobufWriter(32);
            field.Write(nested);
            writer.MessageField(5, nested);
        }

        writer.BytesField(6, Data.Span);
        return writer.ToArray();
    }

    public static PointCloudMessage Decode(ReadOnlyMemory<byte> payload)
    {
        var span = payload.Span;
        var reader = new ProtobufReader(span, SchemaName);
        long timestamp = 0;
        string frameId = "";
        uint stride = 0;
        PointCloudPose? pose = null;
        var fields = new List<PackedElementField>(4);
        ReadOnlyMemory<byte> data = default;
        while (reader.Next(out var field, out var type))
        {
            if (field is 1 or 2 or 3 or 5 or 6)
            {
                reader.Expect(type, ProtobufWireType.LengthDelimited, field);
            }

            switch (field)
            {
                case 1:
                    timestamp = reader.Timestamp();
                    break;
                case 2:
                    frameId = reader.String();
                    break;
                case 3:
                    var (pOffset, pLength) = reader.LengthDelimited();
                    pose = PointCloudPose.Decode(span.Slice(pOffset, pLength));
                    break;
                case 4:
                    reader.Expect(type, ProtobufWireType.Fixed32, field);
                    stride = reader.Fixed32();
                    break;
                case 5:
                    var (fOffset, fLength) = reader.LengthDelimited();
                    fields.Add(PackedElementField.Decode(span.Slice(fOffset, fLength)));
                    break;
                case 6:
                    var (dOffset, dLength) = reader.LengthDelimited();
                    data = payload.Slice(dOffset, dLength);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        return new PointCloudMessage(timestamp, frameId, (int)Math.Min(stride, int.MaxValue), fields, data, pose);
    }

    /// <summary>
    /// The points as (x, y, z, intensity) float quadruples. x, y and z are required; intensity is 0 when the cloud
    /// has none. The common packed float32 layout is copied in bulk.
    /// </summary>
    public LidarScan ToLidarScan()
    {
        var x = Field("x", required: true)!;
        var y = Field("y", required: true)!;
        var z = Field("z", required: true)!;
        var intensity = Field("intensity", required: false);
        if (PointStride <= 0 || Data.Length % PointStride != 0)
        {
            throw new MessageFormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"{SchemaName}: {Data.Length} data bytes are not a whole number of {PointStride}-byte points"));
        }

        foreach (var field in (ReadOnlySpan<PackedElementField?>)[x, y, z, intensity])
        {
            if (field is not null && (field.Size == 0 || field.Offset + field.Size > PointStride))
            {
                throw new MessageFormatException($"{SchemaName}: field '{field.Name}' ({field.Type} at offset {field.Offset}) does not fit a {PointStride}-byte point");
            }
        }

        var count = Data.Length / PointStride;
        var points = new float[count * 4];
        var data = Data.Span;
        if (PointStride == 16 && Fields.Count == 4 && Fields.SequenceEqual(XyziFields) && BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(data).CopyTo(points);
            return new LidarScan(points);
        }

        for (var i = 0; i < count; i++)
        {
            var point = data.Slice(i * PointStride, PointStride);
            points[(i * 4) + 0] = x.Read(point);
            points[(i * 4) + 1] = y.Read(point);
            points[(i * 4) + 2] = z.Read(point);
            points[(i * 4) + 3] = intensity?.Read(point) ?? 0f;
        }

        return new LidarScan(points);
    }

    private PackedElementField? Field(string name, bool required)
    {
        foreach (var field in Fields)
        {
            if (field.Name == name)
            {
                return field;
            }
        }

        return required ? throw new MessageFormatException($"{SchemaName}: the cloud has no '{name}' field") : null;
    }
}
