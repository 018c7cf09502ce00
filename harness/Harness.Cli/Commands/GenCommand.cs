using System.CommandLine;
using Harness.Reporting;
using Harness.Running;

namespace Harness.Cli.Commands;

/// <summary><c>harness gen</c>: generate a synthetic clip the way a run does and print the hash to pin in a scenario.</summary>
internal static class GenCommand
{
    public static Command Create()
    {
        var uri = new Argument<string>("source") { Description = "Synthetic clip source, e.g. synthetic://urban-day?seed=7&frames=40" };
        var cache = new Option<string>("--cache") { Description = "Folder for generated clips and models", DefaultValueFactory = _ => Path.Combine("artifacts", "cache") };
        var output = new Option<string?>("--out") { Description = "Also copy the clip to this path" };
        var command = new Command("gen", "Generate a synthetic clip into the cache and print its path and SHA-256") { uri, cache, output };
        command.SetAction(parse => Execute(parse.GetValue(uri)!, parse.GetValue(cache)!, parse.GetValue(output)));
        return command;
    }

    private static int Execute(string uri, string cacheDirectory, string? output)
    {
        try
        {
            var (path, sha256) = SyntheticClips.Generate(uri, cacheDirectory);
            if (output is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
                File.Copy(path, output, overwrite: true);
                path = output;
            }

            Console.WriteLine($"clip    {path}");
            Console.WriteLine($"sha256  {sha256}");
            return SuiteReport.ExitPass;
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            return SuiteReport.ExitInputError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"cannot write the clip for '{uri}' (cache '{cacheDirectory}'{(output is null ? "" : $", out '{output}'")}): {e.Message}");
            return SuiteReport.ExitInputError;
        }
    }
}
