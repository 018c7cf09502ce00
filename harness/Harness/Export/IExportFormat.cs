namespace Harness.Export;

/// <summary>
/// A file format detections are exported in (<c>harness export --format</c>). <see cref="ExportFormats"/> lists
/// them; adding one is a new implementation and one line there.
/// </summary>
internal interface IExportFormat
{
    /// <summary>The <c>--format</c> word.</summary>
    string Name { get; }

    /// <summary>What it writes, for the help text and the error listing the formats.</summary>
    string Description { get; }

    /// <summary>Where one scenario's export goes when <c>--out</c> does not say: a file name, or a folder for per-frame files.</summary>
    string DefaultOutput(string scenarioId);

    /// <summary>Writes the export to <paramref name="output"/> and returns every file it wrote.</summary>
    /// <exception cref="ExportException">The format cannot express this scenario's clip.</exception>
    IReadOnlyList<string> Write(DetectionExport export, string output);
}
