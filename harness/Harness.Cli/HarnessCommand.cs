using System.CommandLine;
using Harness.Cli.Commands;

namespace Harness.Cli;

/// <summary>The <c>harness</c> command tree, built in one place so tests check CI files against the tree that runs.</summary>
internal static class HarnessCommand
{
    /// <summary>ONNX Runtime's own warnings, hidden otherwise (<see cref="Harness.Inference.OnnxRuntimeLog"/>).</summary>
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Show ONNX Runtime's own log warnings", Recursive = true };

    public static RootCommand Create() => new("Perception regression gate: replay clips through a detector, measure, compare with baselines.")
    {
        Verbose,
        RunCommand.Create(),
        CompareCommand.Create(),
        ReportCommand.Create(),
        MergeCommand.Create(),
        AcceptCommand.Create(),
        HistoryCommand.Create(),
        EvalCocoCommand.Create(),
        EvalNuscenesCommand.Create(),
        ExportCommand.Create(),
        GenCommand.Create(),
        InspectCommand.Create(),
        InitCommand.Create(),
    };
}
