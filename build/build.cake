// Build targets. Each task is a one-line verb; the helpers below hold the logic.
// Cake.Frosting is not served by this project's package registry, so the build is a Cake script run by Cake.Tool.

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
var scenarioFilter = Argument("scenarios", "");

// Cake runs with the script's folder as working directory; the repository root is its parent.
var root = MakeAbsolute(Directory(".."));
var artifacts = root.Combine("artifacts");
var testResults = artifacts.Combine("test-results");
var coverage = artifacts.Combine("coverage");
var report = artifacts.Combine("report");
var solution = root.CombineWithFilePath("Harness.sln");
var cli = root.CombineWithFilePath("harness/Harness.Cli/Harness.Cli.csproj");
var packages = artifacts.Combine("packages");
// The packages a user installs: the library, its recording formats and reference parts, the harness tool and the xunit
// helper (versions from Directory.Build.props).
var packaged = new[]
{
    "harness/Harness/Harness.csproj", "harness/Harness.Recordings/Harness.Recordings.csproj", "harness/Harness.Reference/Harness.Reference.csproj",
    "harness/Harness.Cli/Harness.Cli.csproj", "harness/Harness.Testing/Harness.Testing.csproj",
};

Task("Clean").Does(() => CleanDirectories(new[] { artifacts.FullPath }));

Task("Build").Does(() => DotNetBuild(solution.FullPath, new DotNetBuildSettings { Configuration = configuration }));

Task("Test").IsDependentOn("Build").Does(() => RunTestsWithCoverage());

Task("Regress").IsDependentOn("Build").Does(() => Harness(Selected("run", "--tag", "pr", "--run", "pr", "--report", report.FullPath)));

// One scenario at a time: the timing gates judge latency, which scenarios sharing the cores would distort.
Task("Nightly").IsDependentOn("Build").Does(() => Harness(Selected("run", "--run", "nightly", "--parallel", "1", "--strict", "--report", report.FullPath)));

Task("AcceptBaselines").IsDependentOn("Build").Does(() => Harness("accept"));

Task("Pack").Does(() => PackPackages());

Task("Bench").Does(() => RunBenchmarks());

Task("Default").IsDependentOn("Regress");

RunTarget(target);

// Runs the harness CLI built by the Build task; a non-zero exit (regression 1, input error 2) fails the target.
void Harness(params string[] arguments)
{
    var args = new ProcessArgumentBuilder()
        .Append("run").Append("--project").AppendQuoted(cli.FullPath)
        .Append("-c").Append(configuration).Append("--no-build").Append("--");
    foreach (var argument in arguments) args.AppendQuoted(argument);
    var exit = StartProcess("dotnet", new ProcessSettings { Arguments = args, WorkingDirectory = root });
    if (exit != 0) throw new Exception($"harness {string.Join(" ", arguments)} exited with code {exit}");
}

// --scenarios=a,b narrows a run to those ids.
string[] Selected(params string[] arguments) =>
    string.IsNullOrEmpty(scenarioFilter)
        ? arguments
        : arguments.Concat(new[] { "--scenario" }).Concat(scenarioFilter.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToArray();

// Unit tests (with coverage) and the scenario gate, each with a JUnit file; both always run, then the coverage report
// is built, and only then does a failure fail the target, so one red suite never hides the other's results.
void RunTestsWithCoverage()
{
    CleanDirectories(new[] { testResults.FullPath, coverage.FullPath });
    var failures = new List<string>();
    // The scenario gate replays whole clips: instrumenting the library's hot loops for coverage would make it several
    // times slower, and the unit tests are what coverage is measured on.
    // The SIMD agreement tests (Category=simd) run twice more with an instruction set switched off, so the runtime's own
    // detection picks the 256-bit and then the 128-bit kernel paths (the one ARM64 and SSE-only x64 take) and Vector<T>
    // and TensorPrimitives narrow with it; VectorWidthTests fails if a switch did not reach the runtime (.NET 10 reads
    // EnableAVX512 and ignores the older EnableAVX512F).
    foreach (var (project, filter, measureCoverage, switchedOff) in new[]
    {
        ("tests/Harness.Tests/Harness.Tests.csproj", "", true, ""),
        ("tests/Harness.Tests/Harness.Tests.csproj", "Category=simd", false, "DOTNET_EnableAVX512"),
        ("tests/Harness.Tests/Harness.Tests.csproj", "Category=simd", false, "DOTNET_EnableAVX2"),
        ("tests/Harness.Scenarios.Tests/Harness.Scenarios.Tests.csproj", "Category!=nightly", false, ""),
        // Packs the five packages and gates a fresh repository with them (Category=packaging), a few minutes.
        ("tests/Harness.Packaging.Tests/Harness.Packaging.Tests.csproj", "", false, ""),
    })
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(project) + (switchedOff == "" ? "" : "." + switchedOff.Replace("DOTNET_Enable", "no-"));
        var settings = new DotNetTestSettings
        {
            EnvironmentVariables = switchedOff == "" ? new Dictionary<string, string>() : new Dictionary<string, string> { [switchedOff] = "0" },
            Configuration = configuration,
            NoBuild = true,
            Filter = filter,
            ResultsDirectory = testResults.Combine(name),
            Collectors = measureCoverage ? new[] { "XPlat Code Coverage" } : Array.Empty<string>(),
            Loggers = new[] { $"junit;LogFilePath={testResults.CombineWithFilePath(name + ".junit.xml").FullPath}", "console;verbosity=normal" },
        };
        try { DotNetTest(root.CombineWithFilePath(project).FullPath, settings); }
        catch (Exception e) { failures.Add($"{name}: {e.Message}"); }
    }

    var reports = GetFiles(testResults.FullPath + "/**/coverage.cobertura.xml");
    if (reports.Count > 0)
    {
        var exit = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = new ProcessArgumentBuilder()
                .Append("reportgenerator")
                .Append("-reports:" + string.Join(";", reports.Select(r => r.FullPath)))
                .Append("-targetdir:" + coverage.FullPath)
                .Append("-reporttypes:Html;TextSummary")
                .Append("-verbosity:Warning"),
            WorkingDirectory = root,
        });
        if (exit != 0) failures.Add($"reportgenerator exited with code {exit}");
        else Information(System.IO.File.ReadAllText(coverage.CombineWithFilePath("Summary.txt").FullPath));
    }
    else
    {
        failures.Add("no coverage was collected");
    }

    if (failures.Count > 0) throw new Exception("Test failed:\n  " + string.Join("\n  ", failures));
}

// The packages (Harness.Core, .Recordings, .Reference, the harness tool, Harness.Testing), with their symbol packages, into artifacts/packages/.
void PackPackages()
{
    CleanDirectories(new[] { packages.FullPath });
    foreach (var project in packaged)
    {
        DotNetPack(root.CombineWithFilePath(project).FullPath, new DotNetPackSettings { Configuration = configuration, OutputDirectory = packages });
    }
}

void RunBenchmarks()
{
    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder()
            .Append("run").Append("--project").AppendQuoted(root.CombineWithFilePath("bench/Harness.Benchmarks/Harness.Benchmarks.csproj").FullPath)
            .Append("-c").Append("Release").Append("--")
            .Append("--filter").AppendQuoted(Argument("filter", "*"))
            .Append("--artifacts").AppendQuoted(artifacts.Combine("bench").FullPath),
        WorkingDirectory = root,
    });
    if (exit != 0) throw new Exception($"benchmarks exited with code {exit}");
}
