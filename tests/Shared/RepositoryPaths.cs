namespace Harness.Testing;

/// <summary>Locates the repository (the folder holding Harness.sln) and the shared fixtures beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    public static string Baselines => Path.Combine(Root, "baselines");

    public static string Cache => Path.Combine(Root, "artifacts", "cache");

    public static string SharedFixtures => Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures"));

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
