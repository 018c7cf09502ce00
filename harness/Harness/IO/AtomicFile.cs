namespace Harness.IO;

/// <summary>
/// Writes a file under a temporary name beside it, then renames it into place, so an interrupted or concurrent
/// writer never leaves or exposes half a file: every stage that writes files shares it (generated clips and models,
/// baselines, result bundles, review clips).
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<string> writeTemporary)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            writeTemporary(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
