using System.Text.Json;
using Harness.Metrics;
using Harness.Metrics.Sweep;
using Harness.Reporting;
using Harness.Running;
using Harness.Scenarios;
using Harness.Suite;
using Harness.TestKit;
using Harness.Tests.Testing;

namespace Harness.Tests.Suite;

public sealed class ScoreThresholdSweepTests : IDisposable
{
    private static readonly SweepRange Range = SweepRange.Parse("postprocess.score_threshold=0.3:0.5:0.1");

    private readonly TemporaryDirectory temp = new("threshold-sweep-");

    public ScoreThresholdSweepTests()
    {
        Directory.CreateDirectory(Scenarios);
        File.WriteAllText(Path.Combine(Scenarios, "street.yaml"), ScenarioYaml.Create("street", "synthetic://urban-day?seed=7&frames=20", gated: false));
    }

    private string Scenarios => temp.Combine("scenarios");

    private string Cache => temp.Combine("cache");

    [Fact]
    public void Without_a_candidate_one_replay_gives_every_threshold_and_the_recall_to_keep_is_the_scenarios_own()
    {
        var inferences = 0;
        var hooks = new RunHooks { Entering = (_, stage) => inferences += stage == PipelineStage.Infer ? 1 : 0 };

        var sweep = Assert.Single(ScoreThresholdSweep.Run(Options() with { Hooks = hooks }, Range));

        Assert.Null(sweep.Error);
        Assert.Equal(20, inferences);
        var own = ScenarioRunner.Run(ScenarioLoader.LoadFile(Path.Combine(Scenarios, "street.yaml")), Cache);
        var pooled = sweep.Curves.Single(c => c.Class == ThresholdSweep.Pooled);
        Assert.Equal(own.Metrics[MetricNames.Recall], pooled.RecallToKeep);
        Assert.Equal(own.Metrics[MetricNames.PerClass(MetricNames.Recall, "car")], sweep.Curves.Single(c => c.Class == "car").RecallToKeep);
        Assert.Equal([0.3, 0.4, 0.5], pooled.Points.Select(p => p.Threshold));
        Assert.Equal("the scenario as written", sweep.Candidate);
        Assert.Equal("the scenario as written (reference://detector-v1, score_threshold 0.25)", sweep.Baseline);
    }

    [Fact]
    public void A_candidate_is_swept_against_the_recall_of_the_scenario_as_written()
    {
        var sweep = Assert.Single(ScoreThresholdSweep.Run(Options() with { Candidate = new ScenarioVariant("reference://detector-v1-mixed", []) }, Range));

        var reference = ScenarioRunner.Run(ScenarioLoader.LoadFile(Path.Combine(Scenarios, "street.yaml")), Cache);
        Assert.Null(sweep.Error);
        Assert.Equal("--candidate reference://detector-v1-mixed", sweep.Candidate);
        Assert.Equal(reference.Metrics[MetricNames.PerClass(MetricNames.Recall, "pedestrian")], sweep.Curves.Single(c => c.Class == "pedestrian").RecallToKeep);
    }

    [Fact]
    public void A_scenario_that_cannot_be_swept_is_its_error_and_an_unknown_id_is_refused()
    {
        var sweep = Assert.Single(ScoreThresholdSweep.Run(Options() with { Candidate = new ScenarioVariant(null, [SettingOverride.Parse("model.layout=yolov9")]) }, Range));

        Assert.Empty(sweep.Curves);
        Assert.Contains(Path.Combine(Scenarios, "street.yaml"), sweep.Error, StringComparison.Ordinal);
        Assert.Contains("(with --set model.layout=yolov9)", sweep.Error, StringComparison.Ordinal);
        var unknown = Assert.Throws<ScenarioValidationException>(() => ScoreThresholdSweep.Run(Options() with { Ids = ["nowhere"] }, Range));
        Assert.Contains("no scenario with id 'nowhere'", unknown.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_marks_the_recommended_row_and_the_json_holds_every_number_or_null()
    {
        var curve = new SweepCurve("car", [
            new SweepPoint(0.3, new SweepValue(0.5, 0.4, 0.6), new SweepValue(0.75, 0.7, 0.8), new SweepValue(0.6, 0.5, 0.7), new SweepValue(1.5, 1.5, 1.5)),
            new SweepPoint(0.4, new SweepValue(double.NaN, double.NaN, double.NaN), new SweepValue(0.5, 0.5, 0.5), new SweepValue(0.6, 0.5, 0.7), new SweepValue(0, 0, 0)),
        ], 0.75, 0.3);
        ScenarioSweep[] sweeps = [new("street", "the scenario as written", "the scenario as written (m, score_threshold 0.25)", [curve]), new("broken", "", "", [], "broken.yaml: no")];

        var markdown = SweepReport.Markdown(sweeps);
        using var json = JsonDocument.Parse(SweepReport.Json(sweeps));

        Assert.Contains("### car: recommended threshold 0.30, the highest that keeps the baseline's recall 0.75\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| 0.30 | 0.5 [0.4, 0.6] | 0.75 [0.7, 0.8] | 0.6 [0.5, 0.7] | 1.5 | recommended |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| 0.40 | undefined | 0.5 | 0.6 [0.5, 0.7] | 0 |  |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## broken\n\nerror: broken.yaml: no\n", markdown, StringComparison.Ordinal);
        var point = json.RootElement[0].GetProperty("classes")[0].GetProperty("points")[1];
        Assert.Equal(JsonValueKind.Null, point.GetProperty("precision").GetProperty("value").ValueKind);
        Assert.Equal(0.5, point.GetProperty("recall").GetProperty("value").GetDouble());
        Assert.Equal(0.3, json.RootElement[0].GetProperty("classes")[0].GetProperty("recommended").GetDouble());
        Assert.Equal("broken.yaml: no", json.RootElement[1].GetProperty("error").GetString());
    }

    public void Dispose() => temp.Dispose();

    private SuiteOptions Options() =>
        new(Scenarios, "", Cache, null, ["street"], RunKind.PullRequest, IsCi: false) { ResultsDirectory = temp.Combine("results") };
}
