namespace Harness.Tests.Clips.Mcap;

/// <summary>Locates ../shared/fixtures beside the repository root (the folder holding Harness.sln).</summary>
internal static class McapFixtures
{
    public static string ConformanceDirectory => Path.Combine(SharedFixtures(), "mcap-conformance");

    private static string SharedFixtures()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Harness.sln")))
        {
            directory = directory.Parent;
        }

        if (directory?.Parent is null)
        {
            throw new DirectoryNotFoundException($"No Harness.sln above {AppContext.BaseDirectory}");
        }

        return Path.Combine(directory.Parent.FullName, "shared", "fixtures");
    }
}
