using System.Buffers;
using System.Text.Json;

namespace Harness.Clips.Messages;

/// <summary>
/// harness.TruthBoxes: the ground truth of one camera frame, JSON encoded (MCAP message encoding "json", schema
/// encoding "jsonschema"). Shape: {"boxes":[{"class_id":0,"x":..,"y":..,"w":..,"h":..,"track_id":..,
/// "occlusion":..,"range_m":..,"ignore":false,"box3d":{"cx":..,"cy":..,"cz":..,"l":..,"w":..,"h":..,"yaw":..}}]};
/// range_m and box3d are left out when unknown. Pixels for the 2D box (top-left, width, height).
/// </summary>
public sealed record TruthBoxesMessage(IReadOnlyList<TruthBox> Boxes)
{
    public const string SchemaName = "harness.TruthBoxes";
    public const string SchemaEncoding = "jsonschema";
    public const string MessageEncoding = "json";

    public const string SchemaJson = """
        {"title":"harness.TruthBoxes","type":"object","properties":{"boxes":{"type":"array","items":{"type":"object",
        "required":["class_id","x","y","w","h"],"properties":{"class_id":{"type":"integer"},"x":{"type":"number"},
        "y":{"type":"number"},"w":{"type":"number"},"h":{"type":"number"},"track_id":{"type":"integer"},
        "occlusion":{"type":"number"},"range_m":{"type":"number"},"ignore":{"type":"boolean"},"box3d":{"type":"object",
        "properties":{"cx":{"type":"number"},"cy":{"type":"number"},"cz":{"type":"number"},"l":{"type":"number"},
        "w":{"type":"number"},"h":{"type":"number"},"yaw":{"type":"number"}}}}}}}}
        """;

    public byte[] Encode()
    {
        var buffer = new ArrayBufferWriter<byte>(64 + (Boxes.Count * 160));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("boxes");
            foreach (var box in Boxes)
            {
                json.WriteStartObject();
                json.WriteNumber("class_id", box.ClassId);
                json.WriteNumber("x", box.X);
                json.WriteNumber("y", box.Y);
                json.WriteNumber("w", box.Width);
                json.WriteNumber("h", box.Height);
                json.WriteNumber("track_id", box.TrackId);
                json.WriteNumber("occlusion", box.Occlusion);
                if (box.RangeMeters is { } range)
                {
                    json.WriteNumber("range_m", range);
                }

                json.WriteBoolean("ignore", box.Ignore);
                if (box.Box3D is { } b)
                {
                    json.WriteStartObject("box3d");
                    json.WriteNumber("cx", b.CenterX);
                    json.WriteNumber("cy", b.CenterY);
                    json.WriteNumber("cz", b.CenterZ);
                    json.WriteNumber("l", b.Length);
                    json.WriteNumber("w", b.Width);
                    json.WriteNumber("h", b.Height);
                    json.WriteNumber("yaw", b.Yaw);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static TruthBoxesMessage Decode(ReadOnlyMemory<byte> payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (!document.RootElement.TryGetProperty("boxes", out var boxes) || boxes.ValueKind != JsonValueKind.Array)
            {
                throw new MessageFormatException($"{SchemaName}: no \"boxes\" array");
            }

            var list = new List<TruthBox>(boxes.GetArrayLength());
            var index = 0;
            foreach (var box in boxes.EnumerateArray())
            {
                list.Add(DecodeBox(box, index++));
            }

            return new TruthBoxesMessage(list);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new MessageFormatException($"{SchemaName}: {e.Message}", e);
        }
    }

    private static TruthBox DecodeBox(JsonElement box, int index)
    {
        float Required(string name) => box.TryGetProperty(name, out var value)
            ? value.GetSingle()
            : throw new MessageFormatException($"{SchemaName}: box {index} has no \"{name}\"");

        if (!box.TryGetProperty("class_id", out var classId))
        {
            throw new MessageFormatException($"{SchemaName}: box {index} has no \"class_id\"");
        }

        Box3D? box3d = null;
        if (box.TryGetProperty("box3d", out var b) && b.ValueKind == JsonValueKind.Object)
        {
            box3d = new Box3D(
                b.GetProperty("cx").GetSingle(),
                b.GetProperty("cy").GetSingle(),
                b.GetProperty("cz").GetSingle(),
                b.GetProperty("l").GetSingle(),
                b.GetProperty("w").GetSingle(),
                b.GetProperty("h").GetSingle(),
                b.GetProperty("yaw").GetSingle());
        }

        return new TruthBox(
            classId.GetInt32(),
            Required("x"),
            Required("y"),
            Required("w"),
            Required("h"),
            box.TryGetProperty("track_id", out var track) ? track.GetInt32() : -1,
            box.TryGetProperty("occlusion", out var occlusion) ? occlusion.GetSingle() : 0f,
            box.TryGetProperty("range_m", out var range) && range.ValueKind == JsonValueKind.Number ? range.GetSingle() : null,
            box.TryGetProperty("ignore", out var ignore) && ignore.GetBoolean(),
            box3d);
    }
}
