namespace Harness.TestKit;

/// <summary>A scratch folder under the system temp folder, deleted with everything in it on Dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    /// <param name="prefix">Starts the folder's name, so a folder left behind by a killed run says which test made it.</param>
    public TemporaryDirectory(string prefix = "harness-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        // IDisposable allows a second Dispose; it finds nothing left to delete.
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
