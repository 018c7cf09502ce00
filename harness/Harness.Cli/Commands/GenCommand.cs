using System.CommandLine;
using Harness.Clips.Rosbag2;
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
        var output = new Option<string?>("--out") { Description = "Also copy the clip to this path (for a bag: the bag directory to create)" };
        var format = new Option<string>("--format")
        {
            Description = "mcap (the cache's own clip), rosbag2-sqlite3 or rosbag2-mcap (a ROS 2 bag directory; needs --out)",
            DefaultValueFactory = _ => "mcap",
        };
        format.AcceptOnlyFromAmong("mcap", "rosbag2-sqlite3", "rosbag2-mcap");
        var command = new Command("gen", "Generate a synthetic clip into the cache and print its path and SHA-256") { uri, cache, output, format };
        command.SetAction(parse => Execute(parse.GetValue(uri)!, parse.GetValue(cache)!, parse.GetValue(output), parse.GetValue(format)!));
        return command;
    }

    private static int Execute(string uri, string cacheDirectory, string? output, string format)
    {
        try
        {
            if (format != "mcap" && output is null)
            {
                Console.Error.WriteLine($"--format {format} writes a bag directory: give it with --out");
                return SuiteReport.ExitInputError;
            }

            var (path, sha256) = format switch
            {
                "rosbag2-sqlite3" => SyntheticClips.GenerateBag(uri, cacheDirectory, output!, Rosbag2StorageFormat.Sqlite3),
                "rosbag2-mcap" => SyntheticClips.GenerateBag(uri, cacheDirectory, output!, Rosbag2StorageFormat.Mcap),
                _ => SyntheticClips.Generate(uri, cacheDirectory),
            };
            if (output is not null && format == "mcap")
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
