using System.CommandLine;
using Harness.Cli.Init;
using Harness.Reporting;
using Harness.Running;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness init</c>: sets up a repository to be gated: scenarios/, baselines/, a test project using
/// Harness.Testing, the tool manifest, .gitignore and a CI workflow. It writes nothing when any of its files exists.
/// </summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var directory = new Option<string>("--directory") { Description = "The repository folder to set up", DefaultValueFactory = _ => "." };
        var model = new Option<string?>("--from") { Description = "Your ONNX model: the scenario is written for it (with --clip) instead of the example" };
        var clip = new Option<string?>("--clip") { Description = "Your recording (.mcap, ROS 2 bag, KITTI folder or COCO .json) to replay through --from" };
        var command = new Command("init", "Set up a repository for the gate: an example scenario (or one for --from model --clip), baselines/, a test project, tool manifest and CI workflow")
        {
            directory, model, clip,
        };
        command.SetAction(parse => Execute(parse.GetValue(directory)!, parse.GetValue(model), parse.GetValue(clip)));
        return command;
    }

    private static int Execute(string root, string? model, string? clip)
    {
        if ((model is null) != (clip is null))
        {
            Console.Error.WriteLine("--from and --clip go together: the scenario replays that clip through that model");
            return SuiteReport.ExitInputError;
        }

        var missing = new[] { model, clip }.OfType<string>().Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, missing.Select(p => $"'{p}' does not exist")));
            return SuiteReport.ExitInputError;
        }

        try
        {
            var scenarioPath = model is null ? ExampleScenario.Path : ModelScenario.PathFor(model);
            var others = Files(root);
            var existing = Scaffold.Existing(root, [scenarioPath, .. others.Select(f => f.RelativePath)]);
            if (existing.Count > 0)
            {
                Console.Error.WriteLine($"harness init writes nothing: these already exist in '{Path.GetFullPath(root)}':");
                Console.Error.WriteLine(string.Join(Environment.NewLine, existing.Select(p => "  " + p)));
                return SuiteReport.ExitInputError;
            }

            var (scenario, inspection) = model is null
                ? (ExampleScenario.File(Path.Combine(root, "artifacts", "cache")), null)
                : ModelScenario.File(root, model, clip!);
            List<ScaffoldFile> files = [scenario, .. others];
            Scaffold.Write(root, files);
            Report(root, files, scenario, inspection);
            return SuiteReport.ExitPass;
        }
        catch (HarnessInputException e)
        {
            Console.Error.WriteLine(e.Message);
            return SuiteReport.ExitInputError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"cannot set up '{Path.GetFullPath(root)}': {e.Message}");
            return SuiteReport.ExitInputError;
        }
    }

    /// <summary>Every file but the scenario, which is only generated (clip and model hashed) once nothing is in the way.</summary>
    private static List<ScaffoldFile> Files(string root)
    {
        var files = new List<ScaffoldFile> { new("baselines/.gitkeep", "") };
        var hasSolution = Directory.Exists(root) && Directory.EnumerateFiles(root).Any(f => f.EndsWith(".sln", StringComparison.Ordinal) || f.EndsWith(".slnx", StringComparison.Ordinal));
        files.AddRange(GateTestProject.Files(withSolution: !hasSolution));
        if (!ToolManifest.Locations.Any(path => File.Exists(Path.Combine(root, path))))
        {
            files.Add(ToolManifest.File());
        }

        files.Add(GitIgnore.File());
        files.Add(GateWorkflow.File());
        return files;
    }

    private static void Report(string root, List<ScaffoldFile> files, ScaffoldFile scenario, ModelInspection? inspection)
    {
        foreach (var file in files)
        {
            Console.WriteLine($"created  {file.RelativePath}");
        }

        if (files.TrueForAll(f => f.RelativePath != ToolManifest.Path))
        {
            Console.WriteLine($"kept     the existing tool manifest (it should list {ToolManifest.PackageId} {TemplateVersions.Harness})");
        }

        if (files.TrueForAll(f => f.RelativePath != GateTestProject.Solution))
        {
            Console.WriteLine($"add {GateTestProject.Folder}/Gate.Tests.csproj to your solution (dotnet sln add) so dotnet test runs it");
        }

        if (inspection is { StanzaIsComplete: false })
        {
            Console.WriteLine($"fill in  {scenario.RelativePath}: what the model's metadata does not say (the <...> and [] placeholders)");
        }

        Console.WriteLine();
        Console.WriteLine("next:");
        if (Path.GetFullPath(root) != Path.GetFullPath("."))
        {
            Console.WriteLine($"  cd {root}");
        }

        Console.WriteLine("  dotnet tool restore");
        Console.WriteLine("  dotnet harness run                                            # replays every scenario, writes baselines/<id>.received.*");
        Console.WriteLine($"  dotnet msbuild {GateTestProject.Folder} -restore -t:AcceptBaselines   # promotes them to the verified baselines you commit");
        Console.WriteLine("  dotnet test                                                   # the gate: one test case per scenario");
    }
}
