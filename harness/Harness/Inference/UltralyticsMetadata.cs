using System.Globalization;
using System.Text.RegularExpressions;

namespace Harness.Inference;

/// <summary>
/// What Ultralytics' exporter (ultralytics/engine/exporter.py) writes into metadata_props, each value str() of its
/// Python object: <c>names</c> "{0: 'person', 1: 'bicycle'}", <c>imgsz</c> "[640, 640]" (height, width),
/// <c>stride</c> "32", <c>task</c> "detect", and on end-to-end models <c>end2end</c> "True".
/// </summary>
public sealed partial record UltralyticsMetadata(IReadOnlyList<string>? Names, int? Height, int? Width, int? Stride, string? Task, bool EndToEnd)
{
    private static readonly string[] Keys = ["names", "imgsz", "stride", "task"];

    /// <summary>Null when the file carries none of these keys.</summary>
    /// <exception cref="DetectorModelException">A key is present but its value cannot be read; the message quotes it.</exception>
    public static UltralyticsMetadata? From(ModelDescription model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var metadata = model.Metadata;
        if (!Keys.Any(metadata.ContainsKey))
        {
            return null;
        }

        var names = metadata.TryGetValue("names", out var namesText) ? ParseNames(model.Model, namesText) : null;
        int? height = null;
        int? width = null;
        if (metadata.TryGetValue("imgsz", out var size))
        {
            var dims = IntegerPattern().Matches(size).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
            (height, width) = dims.Length switch
            {
                1 => (dims[0], dims[0]),
                2 => (dims[0], dims[1]),
                _ => throw Unreadable(model.Model, "imgsz", size),
            };
        }

        int? stride = metadata.TryGetValue("stride", out var strideText)
            ? int.TryParse(strideText, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : throw Unreadable(model.Model, "stride", strideText)
            : null;
        metadata.TryGetValue("task", out var task);
        var endToEnd = metadata.TryGetValue("end2end", out var e2e) && e2e == "True";
        return new UltralyticsMetadata(names, height, width, stride, task, endToEnd);
    }

    /// <summary>A Python dict repr of class id to name, ids 0..C-1 in any order, names quoted '...' or "...".</summary>
    private static string[] ParseNames(string model, string text)
    {
        var entries = NamePattern().Matches(text)
            .Select(m => (Id: int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture), Name: Unescape(m.Groups["single"].Success ? m.Groups["single"].Value : m.Groups["double"].Value)))
            .OrderBy(e => e.Id)
            .ToArray();
        if (entries.Length == 0 || entries.Select((e, i) => e.Id != i).Any(gap => gap))
        {
            throw Unreadable(model, "names", text);
        }

        return [.. entries.Select(e => e.Name)];
    }

    private static string Unescape(string quoted) => quoted.Replace("\\'", "'", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    private static DetectorModelException Unreadable(string model, string key, string value) =>
        new($"Model '{model}' metadata '{key}' is '{value}', which is not what Ultralytics writes there.");

    [GeneratedRegex(@"(?<id>\d+)\s*:\s*(?:'(?<single>(?:[^'\\]|\\.)*)'|""(?<double>(?:[^""\\]|\\.)*)"")")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"\d+")]
    private static partial Regex IntegerPattern();
}
