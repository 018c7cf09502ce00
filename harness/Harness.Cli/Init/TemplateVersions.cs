using System.Reflection;

namespace Harness.Cli.Init;

/// <summary>
/// The package versions the scaffolded test project names: this tool's own (for Harness.Testing, packed with it), and
/// the test packages this repository builds with, embedded from Directory.Packages.props at build time so there is
/// one list of versions.
/// </summary>
internal static class TemplateVersions
{
    private const string Prefix = "PackageVersion:";

    /// <summary>The tool's package version, without the source revision Source Link appends after '+'.</summary>
    public static string Harness { get; } =
        typeof(TemplateVersions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    public static string TestSdk => Of("Microsoft.NET.Test.Sdk");

    public static string Xunit => Of("xunit");

    public static string XunitRunner => Of("xunit.runner.visualstudio");

    private static string Of(string package) =>
        typeof(TemplateVersions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == Prefix + package).Value!;
}
