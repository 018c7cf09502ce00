namespace Harness.Testing;

/// <summary>Locates the repository (the folder holding Harness.sln) and the test fixtures inside it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    public static string Baselines => Path.Combine(Root, "baselines");

    public static string Cache => Path.Combine(Root, "artifacts", "cache");

    /// <summary><c>tests/fixtures</c>: files written by other tools, each folder with a README saying where it came from.</summary>
    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Harness.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Harness.sln above {AppContext.BaseDirectory}");
    }
}
