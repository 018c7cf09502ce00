using System.CommandLine;
using Harness.Cli.Commands;

namespace Harness.Cli;

/// <summary>The <c>harness</c> command tree, built in one place so tests check CI files against the tree that runs.</summary>
internal static class HarnessCommand
{
    public static RootCommand Create() => new("Perception regression gate: replay clips through a detector, measure, compare with baselines.")
    {
        RunCommand.Create(),
        ReportCommand.Create(),
        MergeCommand.Create(),
        AcceptCommand.Create(),
        HistoryCommand.Create(),
        EvalCocoCommand.Create(),
        GenCommand.Create(),
        InspectCommand.Create(),
        InitCommand.Create(),
    };
}
