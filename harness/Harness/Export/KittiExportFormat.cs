using System.Globalization;
using System.Text;

namespace Harness.Export;

/// <summary>
/// KITTI object results: a folder with one <c>&lt;image&gt;.txt</c> per frame of a KITTI clip (empty when the frame has
/// no detection, as KITTI's evaluator expects a file for every image), one line per detection in the 16-field label
/// form with the score last. The type is the evaluation class with its first letter upper-cased (car → Car, KITTI's
/// spelling); the fields a 2D detector does not estimate carry KITTI's "unknown" values (-1, -10, -1000).
/// Coordinates are written exactly (shortest round-trip), not to KITTI's customary two decimals.
/// </summary>
internal sealed class KittiExportFormat : IExportFormat
{
    public string Name => "kitti";

    public string Description => "KITTI label files, one per image, for KITTI clips";

    public string DefaultOutput(string scenarioId) => scenarioId + "-kitti";

    public IReadOnlyList<string> Write(DetectionExport export, string output)
    {
        ArgumentNullException.ThrowIfNull(export);
        if (export.ClipFormat != "kitti")
        {
            throw new ExportException($"{export.ScenarioId}: --format kitti writes a label file per image of a KITTI clip, and this scenario's clip is not a KITTI folder; use --format coco or csv");
        }

        var written = new List<string>(export.Frames.Count);
        foreach (var frame in export.Frames)
        {
            var text = new StringBuilder();
            foreach (var d in frame.Detections)
            {
                if (d.ClassId >= 0 && d.ClassId < export.ClassNames.Count)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{KittiType(export.ClassNames[d.ClassId])} -1 -1 -10 {d.X1} {d.Y1} {d.X2} {d.Y2} -1 -1 -1 -1000 -1000 -1000 -10 {d.Score}\n");
                }
            }

            var path = Path.Combine(output, Path.GetFileNameWithoutExtension(frame.Source) + ".txt");
            ExportFiles.Write(path, Encoding.UTF8.GetBytes(text.ToString()));
            written.Add(path);
        }

        return written;
    }

    private static string KittiType(string evaluationClass) =>
        string.Concat(evaluationClass[..1].ToUpperInvariant(), evaluationClass[1..]);
}
