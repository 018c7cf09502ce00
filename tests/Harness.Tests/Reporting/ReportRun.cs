using Harness.TestKit;
using Harness.Testing;
using Harness.Tests.Cli;

namespace Harness.Tests.Reporting;

/// <summary>
/// One real gate run whose reports the snapshot and browser tests look at: a five-second street clip (long enough for intervals) through the reference
/// model (accepted as the baseline, passes) and through the degraded model judged against that baseline (regresses),
/// run by the built <c>harness</c> exactly as CI runs it. The run is deterministic (timings are not in these reports),
/// so its pages can be compared with approved copies byte for byte.
/// </summary>
public sealed class ReportRun : IDisposable
{
    /// <summary>The test classes that read this run share one instance of it.</summary>
    public const string Collection = "report run";

    private const string Street = """
        id: street
        description: "Daytime street, five seconds"
        tags: [pr]
        clip:
          source: synthetic://urban-day?seed=7&frames=50
        model:
          source: reference://detector-v1
          layout: yolov8
          input: { width: 640, height: 384 }
          classes: [car, pedestrian, cyclist]
        gates:
          - metric: coco/AP50
            max_drop: 0.05
        """;

    private readonly TemporaryDirectory _directory = new();

    public ReportRun()
    {
        Directory.CreateDirectory(_directory.Combine("scenarios"));
        File.WriteAllText(_directory.Combine("scenarios", "street.yaml"), Street);
        File.WriteAllText(_directory.Combine("scenarios", "street-degraded.yaml"), Street
            .Replace("id: street", "id: street-degraded\nbaseline: street", StringComparison.Ordinal)
            .Replace("reference://detector-v1\n", "reference://detector-v1-degraded\n", StringComparison.Ordinal));

        var first = Harness("run");
        var accepted = HarnessCli.Run(_directory.Path, ci: false, "accept", "--baselines", "baselines", "street");
        var second = Harness("run");
        if (first.ExitCode == 2 || accepted.ExitCode != 0 || second.ExitCode != 1)
        {
            throw new InvalidOperationException($"the report run did not go as planned:\n{first}\n{accepted}\n{second}");
        }
    }

    public string ReportDirectory => _directory.Combine("report");

    public string Summary => File.ReadAllText(_directory.Combine("report", "summary.md"));

    public string Page => File.ReadAllText(_directory.Combine("report", "index.html"));

    public void Dispose() => _directory.Dispose();

    private CliResult Harness(string command) =>
        HarnessCli.Run(_directory.Path, ci: false, command, "--scenarios", "scenarios", "--baselines", "baselines",
            "--cache", RepositoryPaths.Cache, "--report", "report", "--history", "history.sqlite");
}

[CollectionDefinition(ReportRun.Collection)]
public sealed class ReportRunSharing : ICollectionFixture<ReportRun>;
