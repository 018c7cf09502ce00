using System.Globalization;
using System.Text.Json;

namespace Harness.Results;

/// <summary>
/// The JSON conventions of result files: LF-indented UTF-8 without BOM, keys written in ordinal order by the callers,
/// numbers in shortest round-trip form (so a value reads back to the same bits) and the three non-finite doubles as
/// the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>, which JSON numbers cannot hold. Reading names the
/// file and the property in every error.
/// </summary>
internal static class JsonValues
{
    public static byte[] Document(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            write(writer);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    public static void Number(Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        Number(writer, value);
    }

    public static void Number(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    public static void OptionalNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            Number(writer, name, v);
        }
    }

    public static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <exception cref="ResultsFormatException">The file is missing or not JSON.</exception>
    public static JsonDocument Parse(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ResultsFormatException($"{path}: missing", e);
        }

        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new ResultsFormatException($"{path}: not valid JSON ({e.Message})", e);
        }
    }

    public static JsonElement Property(JsonElement element, string name, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ResultsFormatException($"{path}: expected an object holding '{name}', found {Kind(element)}");
        }

        return element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new ResultsFormatException($"{path}: missing '{name}'");
    }

    public static JsonElement? Optional(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string Text(JsonElement element, string name, string path) => AsText(Property(element, name, path), name, path);

    public static string? OptionalText(JsonElement element, string name, string path) =>
        Optional(element, name) is { } value ? AsText(value, name, path) : null;

    public static string AsText(JsonElement value, string name, string path) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw WrongType(name, "a string", value, path);

    public static bool Flag(JsonElement element, string name, string path)
    {
        var value = Property(element, name, path);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(name, "true or false", value, path),
        };
    }

    public static int Integer(JsonElement element, string name, string path) => AsInteger(Property(element, name, path), name, path);

    public static int AsInteger(JsonElement value, string name, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw WrongType(name, "a 32-bit integer", value, path);

    public static long Long(JsonElement element, string name, string path)
    {
        var value = Property(element, name, path);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : throw WrongType(name, "an integer", value, path);
    }

    public static double Real(JsonElement element, string name, string path) => AsReal(Property(element, name, path), name, path);

    public static double? OptionalReal(JsonElement element, string name, string path) =>
        Optional(element, name) is { } value ? AsReal(value, name, path) : null;

    public static double AsReal(JsonElement value, string name, string path) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when value.GetString() is "NaN" or "Infinity" or "-Infinity" => double.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        _ => throw WrongType(name, "a number", value, path),
    };

    public static float AsSingle(JsonElement value, string name, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetSingle(out var number) ? number : throw WrongType(name, "a number", value, path);

    public static JsonElement.ArrayEnumerator Array(JsonElement element, string name, string path)
    {
        var value = Property(element, name, path);
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw WrongType(name, "an array", value, path);
    }

    public static JsonElement.ObjectEnumerator Object(JsonElement element, string name, string path)
    {
        var value = Property(element, name, path);
        return value.ValueKind == JsonValueKind.Object ? value.EnumerateObject() : throw WrongType(name, "an object", value, path);
    }

    public static IReadOnlyList<string> StringList(JsonElement element, string name, string path) =>
        [.. Array(element, name, path).Select(v => AsText(v, name, path))];

    public static ResultsFormatException WrongType(string name, string expected, JsonElement value, string path) =>
        new($"{path}: '{name}' must be {expected}, found {Kind(value)}");

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>An enum value as snake_case text (<c>PossibleRegression</c> -&gt; <c>possible_regression</c>).</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static T AsEnum<T>(JsonElement value, string name, string path)
        where T : struct, Enum
    {
        var text = AsText(value, name, path);
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Name(candidate) == text)
            {
                return candidate;
            }
        }

        throw new ResultsFormatException($"{path}: '{name}' is '{text}' (expected one of: {string.Join(", ", Enum.GetValues<T>().Select(Name))})");
    }
}
