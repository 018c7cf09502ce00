using System.Text.Json;
using Harness.IO;
using Harness.Results;

namespace Harness.Export;

/// <summary>Writes an export's files whole (a reader never sees half of one), creating their folder.</summary>
internal static class ExportFiles
{
    public static void Write(string path, Action<Utf8JsonWriter> write) => Write(path, JsonValues.Document(write));

    public static void Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.Write(path, temporary => File.WriteAllBytes(temporary, bytes));
    }
}
