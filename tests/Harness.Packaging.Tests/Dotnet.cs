using System.Diagnostics;

namespace Harness.Packaging.Tests;

internal sealed record DotnetResult(string Command, int ExitCode, string Output)
{
    public override string ToString() => $"dotnet {Command}: exit {ExitCode}\n{Output}";
}

/// <summary>A temporary folder for one test class: the packages folder and CLI home every command uses, and its files.</summary>
public sealed record Scratch(string Root)
{
    public string Packages => Path.Combine(Root, "packages");

    public string CliHome => Path.Combine(Root, "cli-home");
}

/// <summary>
/// Runs the <c>dotnet</c> command as a user would in their repository: without <c>CI</c> (so a run may write received
/// baselines and accept them), without the MSBuild and test-host variables of the test run this is nested in, and
/// with the NuGet packages folder and CLI home of a <see cref="Scratch"/>, so nothing installed here reaches the
/// machine's caches (the CLI home holds the cache that maps local tools to their files).
/// </summary>
internal static class Dotnet
{
    /// <summary>Only guards against a hung process; no test asserts on time.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(10);

    private static readonly string[] InheritedPrefixes = ["MSBUILD", "VSTEST", "TESTINGPLATFORM", "DOTNET_HOST_PATH", "DOTNET_CLI_HOME", "NUGET_PACKAGES"];

    public static DotnetResult Run(string workingDirectory, Scratch scratch, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k == "CI" || InheritedPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NUGET_PACKAGES"] = scratch.Packages;
        start.Environment["DOTNET_CLI_HOME"] = scratch.CliHome;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangGuard))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not exit");
        }

        return new DotnetResult(string.Join(' ', arguments), process.ExitCode, output.GetAwaiter().GetResult() + error.GetAwaiter().GetResult());
    }
}
