using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Harness.Clips.Messages;

/// <summary>
/// harness.TruthBoxes: the ground truth of one camera frame, JSON encoded (MCAP message encoding "json", schema
/// encoding "jsonschema"). Shape: {"boxes":[{"class":"car","x":..,"y":..,"w":..,"h":..,"track_id":..,
/// "occlusion":..,"range_m":..,"ignore":false,"box3d":{"cx":..,"cy":..,"cz":..,"l":..,"w":..,"h":..,"yaw":..}}]};
/// range_m and box3d are left out when unknown, and "class" only for an ignore region of every class. Pixels for the
/// 2D box (top-left, width, height). Truth carries its class by name so that a reader maps it to the scenario's
/// classes by name: clips written before names were carried have only a positional "class_id", which is refused.
/// </summary>
/// <param name="Boxes">Each box's class id indexes <paramref name="ClassNames"/>; a negative id is an ignore region of every class.</param>
/// <param name="ClassNames">The class names the boxes' ids index; decoding lists them in order of first appearance.</param>
internal sealed record TruthBoxesMessage(IReadOnlyList<TruthBox> Boxes, IReadOnlyList<string> ClassNames)
{
    public const string SchemaName = "harness.TruthBoxes";
    public const string SchemaEncoding = "jsonschema";
    public const string MessageEncoding = "json";

    public const string SchemaJson = """
        {"title":"harness.TruthBoxes","type":"object","properties":{"boxes":{"type":"array","items":{"type":"object",
        "required":["x","y","w","h"],"properties":{"class":{"type":"string"},"x":{"type":"number"},
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
                if (box.ClassId >= 0)
                {
                    json.WriteString("class", ClassNames[box.ClassId]);
                }
                else if (!box.Ignore)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"truth box with class id {box.ClassId} is no ignore region, so it needs a class"), nameof(Boxes));
                }

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
            var names = new List<string>();
            var index = 0;
            foreach (var box in boxes.EnumerateArray())
            {
                list.Add(DecodeBox(box, index++, names));
            }

            return new TruthBoxesMessage(list, names);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new MessageFormatException($"{SchemaName}: {e.Message}", e);
        }
    }

    private static TruthBox DecodeBox(JsonElement box, int index, List<string> names)
    {
        float Required(string name) => box.TryGetProperty(name, out var value)
            ? value.GetSingle()
            : throw new MessageFormatException($"{SchemaName}: box {index} has no \"{name}\"");

        var ignore = box.TryGetProperty("ignore", out var ignoreFlag) && ignoreFlag.GetBoolean();
        var classId = ClassIdOf(box, index, ignore, names);

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
            classId,
            Required("x"),
            Required("y"),
            Required("w"),
            Required("h"),
            box.TryGetProperty("track_id", out var track) ? track.GetInt32() : -1,
            box.TryGetProperty("occlusion", out var occlusion) ? occlusion.GetSingle() : 0f,
            box.TryGetProperty("range_m", out var range) && range.ValueKind == JsonValueKind.Number ? range.GetSingle() : null,
            ignore,
            box3d);
    }

    private static int ClassIdOf(JsonElement box, int index, bool ignore, List<string> names)
    {
        if (box.TryGetProperty("class", out var name))
        {
            var text = name.GetString();
            if (string.IsNullOrEmpty(text))
            {
                throw new MessageFormatException($"{SchemaName}: box {index} has an empty \"class\"");
            }

            var id = names.IndexOf(text);
            if (id < 0)
            {
                id = names.Count;
                names.Add(text);
            }

            return id;
        }

        if (box.TryGetProperty("class_id", out _))
        {
            throw new MessageFormatException(
                $"{SchemaName}: box {index} has a \"class_id\" but no \"class\" name: the clip was written before truth carried class names, and a class id cannot be mapped to the scenario's classes safely; regenerate the clip (harness gen) or rewrite its truth with names");
        }

        return ignore ? -1 : throw new MessageFormatException($"{SchemaName}: box {index} has no \"class\" (only an ignore region of every class may leave it out)");
    }
}
