namespace Harness.Tests.Metrics;

/// <summary>Locates ../shared/fixtures from the repository root (the folder holding Harness.sln).</summary>
internal static class SharedFixtures
{
    public static string Root { get; } = Locate();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Harness.sln")))
            {
                return System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "fixtures"));
            }
        }

        throw new DirectoryNotFoundException($"No Harness.sln above {AppContext.BaseDirectory}");
    }
}
