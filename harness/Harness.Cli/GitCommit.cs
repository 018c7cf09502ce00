using System.Diagnostics;

namespace Harness.Cli;

/// <summary>The commit under test: the CI's variable when it sets one, else the work tree's HEAD, else "unknown".</summary>
internal static class GitCommit
{
    public static string Current()
    {
        foreach (var variable in new[] { "GITHUB_SHA", "CI_COMMIT_SHA", "BUILD_SOURCEVERSION" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } sha)
            {
                return Short(sha);
            }
        }

        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse HEAD") { RedirectStandardOutput = true, RedirectStandardError = true });
            if (git is null)
            {
                return "unknown";
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && output.Length > 0 ? Short(output) : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
