using Harness.Gate;
using Harness.Scenarios;
using Harness.Suite;
using Harness.TestKit;
using Harness.Testing;
using Harness.Tests.Testing;

namespace Harness.Tests.Suite;

/// <summary>
/// A suite for the waiver tests: a five-second street clip through the reference model (its baseline accepted), the
/// degraded model judged against that baseline and gated on coco/AP50 (it regresses), and a two-frame scenario
/// without a baseline. Its baselines folder is where each test writes the <c>waivers.yaml</c> it needs.
/// </summary>
public sealed class WaiverSuite : IDisposable
{
    private const string Street = """
        id: street
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

    private readonly TemporaryDirectory _temp = new("waiver-suite-");

    public WaiverSuite()
    {
        Directory.CreateDirectory(Scenarios);
        Directory.CreateDirectory(Baselines);
        File.WriteAllText(Path.Combine(Scenarios, "street.yaml"), Street);
        File.WriteAllText(Path.Combine(Scenarios, "street-degraded.yaml"), Street
            .Replace("id: street", "id: street-degraded\nbaseline: street", StringComparison.Ordinal)
            .Replace("reference://detector-v1\n", "reference://detector-v1-degraded\n", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(Scenarios, "tiny.yaml"), ScenarioYaml.Create("tiny"));
        GateSuite.RunOne(ScenarioLoader.LoadFile(Path.Combine(Scenarios, "street.yaml")), Options(TimeProvider.System));
        if (!new BaselineStore(Baselines).Accept("street"))
        {
            throw new InvalidOperationException("the street scenario's first run wrote no baseline to accept");
        }
    }

    public string Scenarios => _temp.Combine("scenarios");

    public string Baselines => _temp.Combine("baselines");

    public string Waivers => Path.Combine(Baselines, WaiverFileReader.FileName);

    public string Report => _temp.Combine("report");

    /// <summary>Every scenario of the suite, or those named, judged on the day <paramref name="clock"/> says.</summary>
    public SuiteOptions Options(TimeProvider clock, params string[] ids) =>
        new(Scenarios, Baselines, RepositoryPaths.Cache, null, ids, RunKind.PullRequest, IsCi: true)
        {
            ResultsDirectory = _temp.Combine("results"),
            Hooks = Harness.Running.RunHooks.None with { Time = clock },
        };

    public void Dispose() => _temp.Dispose();
}
