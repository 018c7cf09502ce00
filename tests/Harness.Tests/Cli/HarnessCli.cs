using System.Diagnostics;

namespace Harness.Tests.Cli;

/// <summary>
/// Runs the built <c>harness</c> command as a separate process (<c>dotnet harness.dll</c>, copied beside the tests by
/// the project reference), so exit codes and printed output are tested exactly as CI sees them.
/// </summary>
internal static class HarnessCli
{
    /// <summary>Only guards against a hung process; no test asserts on time.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "harness.dll");

    /// <summary>Runs with <c>CI</c> removed from the environment unless <paramref name="ci"/> sets it.</summary>
    public static CliResult Run(string workingDirectory, bool ci, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("CI");
        if (ci)
        {
            start.Environment["CI"] = "true";
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangGuard))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"harness {string.Join(' ', arguments)} did not exit");
        }

        return new CliResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }
}
