using System.CommandLine;
using Harness.Cli.Commands;

var root = new RootCommand("Perception regression gate: replay clips through a detector, measure, compare with baselines.")
{
    RunCommand.Create(),
    ReportCommand.Create(),
    MergeCommand.Create(),
    AcceptCommand.Create(),
    HistoryCommand.Create(),
    EvalCocoCommand.Create(),
    GenCommand.Create(),
    InspectCommand.Create(),
};
return root.Parse(args).Invoke();
