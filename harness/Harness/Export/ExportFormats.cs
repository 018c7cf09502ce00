namespace Harness.Export;

/// <summary>The formats <c>harness export</c> writes.</summary>
internal static class ExportFormats
{
    public static IReadOnlyList<IExportFormat> All { get; } =
    [
        new CocoExportFormat(),
        new KittiExportFormat(),
        new CsvExportFormat(),
    ];

    /// <exception cref="ExportException">No format has that name; the message lists them.</exception>
    public static IExportFormat Named(string name) =>
        All.FirstOrDefault(format => format.Name == name)
            ?? throw new ExportException($"--format '{name}' is not an export format; choose {string.Join(", ", All.Select(format => $"{format.Name} ({format.Description})"))}");
}
