using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Harness.Packaging.Tests;

/// <summary>
/// What a new user does, from packages alone: in a fresh repository (nothing of this one beside it) install the
/// harness tool from a local feed, <c>harness init</c>, run the gate and accept its baselines with the test project's
/// AcceptBaselines target; then <c>dotnet test</c> and the RegressionGate target pass, and both fail once a verified
/// value is edited.
/// </summary>
public sealed partial class PackagedGateTests(PackedFeed feed) : IClassFixture<PackedFeed>
{
    /// <summary>The test project harness init scaffolds, whose Harness.Testing reference brings the build targets.</summary>
    private const string GateProject = "tests/Gate.Tests";

    private string Repository => Path.Combine(feed.Scratch.Root, "repo");

    [Fact]
    [Trait("Category", "packaging")]
    public void Packed_tool_and_packages_gate_a_fresh_repository_that_passes_and_fails_on_an_edited_baseline()
    {
        Directory.CreateDirectory(Repository);
        File.WriteAllText(Path.Combine(Repository, "nuget.config"), NuGetConfig(feed.Folder, MachineSources(), MachinePackagesFolder()));

        Succeeds("new", "tool-manifest");
        Succeeds("tool", "install", "Harness.Cli", "--version", feed.Version);
        var init = Succeeds("harness", "init");
        Assert.Contains("created  scenarios/example.yaml", init.Output, StringComparison.Ordinal);
        Assert.Contains("kept     the existing tool manifest", init.Output, StringComparison.Ordinal);
        Succeeds("harness", "run");
        Succeeds("msbuild", GateProject, "-restore", "-t:AcceptBaselines");
        var verified = Path.Combine(Repository, "baselines", "example.verified.json");
        Assert.True(File.Exists(verified), "the AcceptBaselines target wrote no verified baseline");

        var passing = Succeeds("test");
        Assert.Matches(PassedCount(), passing.Output);
        var passingGate = Succeeds("msbuild", GateProject, "-t:RegressionGate", "-p:Scenario=example");
        Assert.Contains("example: pass", passingGate.Output, StringComparison.Ordinal);

        EditCocoAp(verified);
        var failing = Dotnet.Run(Repository, feed.Scratch, "test");
        var failingGate = Dotnet.Run(Repository, feed.Scratch, "msbuild", GateProject, "-t:RegressionGate", "-p:Scenario=example");

        Assert.True(failing.ExitCode != 0, failing.ToString());
        Assert.Contains("Pull_request_scenario_holds_its_baseline(id: \"example\")", failing.Output, StringComparison.Ordinal);
        Assert.Contains("coco/AP ", failing.Output, StringComparison.Ordinal);
        Assert.True(failingGate.ExitCode != 0, failingGate.ToString());
        Assert.Contains("harness run exited with code 1", failingGate.Output, StringComparison.Ordinal);
        Assert.Matches(RegressedCocoAp(), failingGate.Output);
    }

    [Fact]
    [Trait("Category", "packaging")]
    public void Packages_carry_the_readme_the_license_expression_and_symbols_and_the_tool_is_named_harness()
    {
        foreach (var id in new[] { "Harness.Core", "Harness.Recordings", "Harness.Reference", "Harness.Cli", "Harness.Testing" })
        {
            Assert.True(File.Exists(feed.Package(id, "snupkg")), $"no symbols package for {id}");
            using var zip = ZipFile.OpenRead(feed.Package(id));
            var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
            Assert.Equal("MIT", Value("license"));
            Assert.Equal("README.md", Value("readme"));
            Assert.Equal(feed.Version, Value("version"));
            Assert.Contains(zip.Entries, e => e.FullName == "README.md");
        }

        using var tool = ZipFile.OpenRead(feed.Package("Harness.Cli"));
        var settings = XDocument.Load(tool.Entries.Single(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal)).Open());
        Assert.Equal("harness", settings.Descendants().Single(e => e.Name.LocalName == "Command").Attribute("Name")!.Value);
    }

    private DotnetResult Succeeds(params string[] arguments)
    {
        var result = Dotnet.Run(Repository, feed.Scratch, arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    /// <summary>Raises the verified coco/AP by 0.05: a hand edit that the baseline's own detections do not score to.</summary>
    private static void EditCocoAp(string verified)
    {
        var text = File.ReadAllText(verified);
        var match = CocoAp().Match(text);
        Assert.True(match.Success, $"no coco/AP in {verified}");
        var edited = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + 0.05;
        File.WriteAllText(verified, CocoAp().Replace(text, $"\"coco/AP\": {edited.ToString("0.######", CultureInfo.InvariantCulture)}", 1));
    }

    /// <summary>
    /// The local feed and the package sources this machine's own NuGet configuration names (the default registry);
    /// packages already on the machine are read in place from its packages folder, not copied.
    /// </summary>
    private static string NuGetConfig(string folder, IEnumerable<XElement> machineSources, string machinePackages) =>
        new XDocument(new XElement("configuration",
            new XElement("packageSources",
                new XElement("add", new XAttribute("key", "harness-local"), new XAttribute("value", folder)),
                machineSources),
            new XElement("fallbackPackageFolders",
                new XElement("add", new XAttribute("key", "machine"), new XAttribute("value", machinePackages))))).ToString();

    /// <summary>The <c>add</c> entries of the user's NuGet.Config (the commands run with a CLI home of their own, which would hide it).</summary>
    private static IEnumerable<XElement> MachineSources()
    {
        var path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config");
        return File.Exists(path)
            ? XDocument.Load(path).Descendants("packageSources").Elements("add").Select(e => new XElement(e))
            : [new XElement("add", new XAttribute("key", "nuget.org"), new XAttribute("value", "https://api.nuget.org/v3/index.json"))];
    }

    private static string MachinePackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    [GeneratedRegex("\"coco/AP\": ([0-9.]+)")]
    private static partial Regex CocoAp();

    /// <summary>The gate table's row of the edited metric, as the failed build's error carries it.</summary>
    [GeneratedRegex(@"coco/AP .*regressed")]
    private static partial Regex RegressedCocoAp();

    [GeneratedRegex(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+[1-9]")]
    private static partial Regex PassedCount();
}
