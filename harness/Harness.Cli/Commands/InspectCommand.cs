using System.CommandLine;
using Harness.Inference;
using Harness.Reporting;
using Harness.Running;

namespace Harness.Cli.Commands;

/// <summary><c>harness inspect</c>: what an ONNX file declares, which output layout it fits, and the scenario stanza to start from.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "Path to an .onnx file" };
        var command = new Command("inspect", "Print a model's inputs, outputs, metadata, the output layout it fits, and a scenario model stanza") { model };
        command.SetAction(parse => Execute(parse.GetValue(model)!));
        return command;
    }

    private static int Execute(string path)
    {
        try
        {
            Console.Write(ModelInspection.Of(path).Render());
            return SuiteReport.ExitPass;
        }
        catch (DetectorModelException e)
        {
            Console.Error.WriteLine(e.Message);
            return SuiteReport.ExitInputError;
        }
    }
}
