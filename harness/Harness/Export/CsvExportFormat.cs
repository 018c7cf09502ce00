using System.Globalization;
using System.Text;

namespace Harness.Export;

/// <summary>
/// One CSV row per detection (RFC 4180, invariant numbers written exactly):
/// <c>frame,source,timestamp_ns,class,score,x1,y1,x2,y2</c>, corners in source-image pixels, frames in clip order and
/// each frame's detections in the order the run reported them. Readable by any tool; the same for every clip format.
/// </summary>
internal sealed class CsvExportFormat : IExportFormat
{
    public const string Header = "frame,source,timestamp_ns,class,score,x1,y1,x2,y2";

    public string Name => "csv";

    public string Description => "one row per detection, for any clip";

    public string DefaultOutput(string scenarioId) => scenarioId + ".csv";

    public IReadOnlyList<string> Write(DetectionExport export, string output)
    {
        ArgumentNullException.ThrowIfNull(export);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var frame in export.Frames)
        {
            foreach (var d in frame.Detections)
            {
                var name = d.ClassId >= 0 && d.ClassId < export.ClassNames.Count ? export.ClassNames[d.ClassId] : d.ClassId.ToString(CultureInfo.InvariantCulture);
                text.Append(CultureInfo.InvariantCulture, $"{frame.Index},{Field(frame.Source)},{frame.TimestampNs},{Field(name)},{d.Score},{d.X1},{d.Y1},{d.X2},{d.Y2}\n");
            }
        }

        ExportFiles.Write(output, Encoding.UTF8.GetBytes(text.ToString()));
        return [output];
    }

    /// <summary>Quoted (quotes doubled) when it holds a comma, quote or line break.</summary>
    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
