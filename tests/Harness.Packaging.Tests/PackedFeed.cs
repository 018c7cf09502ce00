using System.Reflection;
using System.Text.RegularExpressions;
using Harness.Testing;

namespace Harness.Packaging.Tests;

/// <summary>
/// A local folder feed holding the five packages (Harness.Core, Harness.Recordings, Harness.Reference, the harness tool
/// and Harness.Testing), packed once per test class from
/// what this test run was built from (same configuration, no rebuild), in a scratch folder the tests of the class share.
/// </summary>
public sealed partial class PackedFeed : IDisposable
{
    private static readonly string[] Projects =
    [
        "harness/Harness/Harness.csproj", "harness/Harness.Recordings/Harness.Recordings.csproj", "harness/Harness.Reference/Harness.Reference.csproj",
        "harness/Harness.Cli/Harness.Cli.csproj", "harness/Harness.Testing/Harness.Testing.csproj",
    ];

    public PackedFeed()
    {
        Scratch = new Scratch(Path.Combine(Path.GetTempPath(), "harness-packaging-" + Guid.NewGuid().ToString("N")));
        try
        {
            Version = Pack();
        }
        catch
        {
            // xunit disposes no fixture whose constructor threw: the scratch folder (hundreds of MB) goes here.
            Dispose();
            throw;
        }
    }

    public Scratch Scratch { get; }

    public string Folder => Path.Combine(Scratch.Root, "feed");

    public string Version { get; }

    public string Package(string id, string extension = "nupkg") => Path.Combine(Folder, $"{id}.{Version}.{extension}");

    public void Dispose()
    {
        if (Directory.Exists(Scratch.Root))
        {
            Directory.Delete(Scratch.Root, recursive: true);
        }
    }

    private string Pack()
    {
        var configuration = typeof(PackedFeed).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        foreach (var project in Projects)
        {
            var pack = Dotnet.Run(RepositoryPaths.Root, Scratch, "pack", Path.Combine(RepositoryPaths.Root, project), "--no-build", "-c", configuration, "-o", Folder);
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException(pack.ToString());
            }
        }

        var tool = Directory.EnumerateFiles(Folder, "Harness.Cli.*.nupkg").Single();
        return ToolVersion().Match(Path.GetFileName(tool)).Groups[1].Value;
    }

    [GeneratedRegex(@"^Harness\.Cli\.(.+)\.nupkg$")]
    private static partial Regex ToolVersion();
}
