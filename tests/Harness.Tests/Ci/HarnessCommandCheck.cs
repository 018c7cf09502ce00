using System.CommandLine;
using Harness.Cli;
using Harness.Testing;

namespace Harness.Tests.Ci;

/// <summary>
/// Whether a command line a CI file runs exists: a <c>harness</c> subcommand and each of its options in the tree the
/// CLI builds; a <c>dotnet</c> verb and the project or solution it names in the repository.
/// </summary>
internal static class HarnessCommandCheck
{
    private static readonly string[] DotnetVerbs = ["tool", "restore", "build", "test", "publish", "run"];
    private static readonly string[] DotnetVerbsTakingAProject = ["restore", "build", "test", "publish"];

    private static readonly RootCommand Root = HarnessCommand.Create();

    public static IEnumerable<string> Problems(CommandLine command) =>
        command.Program == "harness" ? HarnessProblems(command) : DotnetProblems(command);

    /// <summary>The subcommand of a <c>harness</c> command line, when it names one.</summary>
    public static Command? Subcommand(CommandLine command) =>
        command.Words.Count > 1 ? Root.Subcommands.FirstOrDefault(c => c.Name == command.Words[1] || c.Aliases.Contains(command.Words[1])) : null;

    private static IEnumerable<string> HarnessProblems(CommandLine command)
    {
        if (Subcommand(command) is not { } subcommand)
        {
            yield return $"{command}: 'harness' has no subcommand '{(command.Words.Count > 1 ? command.Words[1] : "")}' (known: {string.Join(", ", Root.Subcommands.Select(c => c.Name))})";
            yield break;
        }

        var options = subcommand.Options.Concat(Root.Options.Where(o => o.Recursive))
            .SelectMany(o => o.Aliases.Append(o.Name))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var word in command.Words.Skip(2).Where(w => w.StartsWith('-')))
        {
            var name = word.Split('=')[0];
            if (!options.Contains(name))
            {
                yield return $"{command}: 'harness {subcommand.Name}' has no option '{name}' (known: {string.Join(", ", subcommand.Options.Select(o => o.Name))})";
            }
        }
    }

    private static IEnumerable<string> DotnetProblems(CommandLine command)
    {
        var verb = command.Words.Count > 1 ? command.Words[1] : "";
        if (!DotnetVerbs.Contains(verb))
        {
            yield return $"{command}: unexpected 'dotnet {verb}' (CI runs only: {string.Join(", ", DotnetVerbs)})";
            yield break;
        }

        var projects = new List<string>();
        if (DotnetVerbsTakingAProject.Contains(verb) && command.Words.Count > 2 && !command.Words[2].StartsWith('-'))
        {
            projects.Add(command.Words[2]);
        }

        var project = command.Words.ToList().IndexOf("--project");
        if (project > 0 && project + 1 < command.Words.Count)
        {
            projects.Add(command.Words[project + 1]);
        }

        foreach (var path in projects.Where(p => !File.Exists(Path.Combine(RepositoryPaths.Root, p)) && !Directory.Exists(Path.Combine(RepositoryPaths.Root, p))))
        {
            yield return $"{command}: '{path}' is not in the repository";
        }
    }
}
