using Harness.Clips.Mcap;
using Harness.Inference;
using Harness.Models;
using Harness.Running;
using Harness.Scenarios;
using Harness.Suite;
using Harness.TestKit;
using Harness.Testing;

namespace Harness.Tests.Running;

/// <summary>A clip reader and a detector the caller opened replay exactly as the scenario's own files do.</summary>
public sealed class CallerSuppliedInputsTests : IDisposable
{
    private const string ClipUri = "synthetic://urban-day?seed=7&frames=6";
    private readonly TemporaryDirectory temp = new("caller-inputs-");

    [Fact]
    public void A_reader_and_a_loaded_detector_give_the_result_the_scenario_files_give()
    {
        var scenario = Pinned().Build();
        var fromFiles = ScenarioRunner.Run(scenario, RepositoryPaths.Cache);

        using var inputs = new CallerInputs(scenario);
        var (clip, detector) = (inputs.Clip, inputs.Detector);
        var fromCaller = ScenarioRunner.Run(scenario, clip, detector);

        Assert.Equal(fromFiles.DetectionsSha256, fromCaller.DetectionsSha256);
        Assert.Equal((fromFiles.ClipSha256, fromFiles.ModelSha256), (fromCaller.ClipSha256, fromCaller.ModelSha256));
        Assert.Equal(NonTiming(fromFiles), NonTiming(fromCaller));
    }

    [Fact]
    public void Inputs_without_pinned_hashes_are_refused_because_the_baseline_could_not_name_them()
    {
        var unpinnedModel = Pinned().WithModel("reference://detector-v1").Build();
        using var inputs = new CallerInputs(unpinnedModel);

        var error = Assert.Throws<ScenarioInputException>(() => ScenarioRunner.Run(unpinnedModel, inputs.Clip, inputs.Detector));

        Assert.StartsWith("scenario 'caller': model.sha256 must be pinned", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_detector_loaded_for_another_input_size_is_refused_naming_both_contracts()
    {
        var other = Pinned().WithInput(320, 192).Build();
        using var inputs = new CallerInputs(Pinned().Build());

        var error = Assert.Throws<ScenarioInputException>(() => ScenarioRunner.Run(other, inputs.Clip, inputs.Detector));

        Assert.Contains("was loaded for layout yolov8, input 640x384, 3 classes", error.Message, StringComparison.Ordinal);
        Assert.Contains("the scenario needs layout yolov8, input 320x192, 3 classes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_suite_judges_caller_inputs_and_turns_their_problems_into_an_error_verdict()
    {
        var pinned = Pinned().Build();
        var unpinned = Pinned().WithModel("reference://detector-v1").Build();
        var options = new SuiteOptions(temp.Path, temp.Combine("baselines"), RepositoryPaths.Cache, Tag: null, Ids: [], RunKind.PullRequest, IsCi: true)
        {
            ResultsDirectory = temp.Combine("results"),
        };
        using var inputs = new CallerInputs(pinned);

        var judged = GateSuite.RunOne(pinned, options, inputs.Clip, inputs.Detector);
        var refused = GateSuite.RunOne(unpinned, options, inputs.Clip, inputs.Detector);

        Assert.Equal(("missing baseline", true), (judged.Verdict.Summary, judged.Verdict.BaselineMissing));
        Assert.Equal(6, judged.Result!.ScoredFrames.Count);
        Assert.Equal("error", refused.Verdict.Summary);
        Assert.Contains("model.sha256 must be pinned", refused.Verdict.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_exception_the_library_throws_for_bad_input_is_a_HarnessInputException()
    {
        var inputErrors = typeof(HarnessInputException).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Exception)) && t != typeof(HarnessInputException))
            .ToList();

        Assert.NotEmpty(inputErrors);
        Assert.All(inputErrors, t => Assert.True(t.IsSubclassOf(typeof(HarnessInputException)), $"{t.Name} is not a HarnessInputException"));
    }

    public void Dispose() => temp.Dispose();

    /// <summary>The scenario with its clip and model hashes pinned.</summary>
    private static ScenarioBuilder Pinned() =>
        new ScenarioBuilder("caller")
            .WithTags("pr")
            .WithClip(ClipUri, SyntheticClips.Generate(ClipUri, RepositoryPaths.Cache).Sha256)
            .WithModel("reference://detector-v1", PinnedHash.OfBytes(ReferenceModels.Build("detector-v1")))
            .WithLayout("yolov8")
            .WithInput(640, 384)
            .WithClasses(ReferenceModels.ClassNames);

    private static Dictionary<string, double> NonTiming(Harness.Metrics.ScenarioResult result) =>
        result.Metrics.Where(m => !Harness.Metrics.MetricNames.IsTiming(m.Key)).ToDictionary();

    /// <summary>The scenario's clip opened as a reader and its model loaded, as a caller of the library would.</summary>
    private sealed class CallerInputs : IDisposable
    {
        public CallerInputs(Scenario scenario)
        {
            var path = SyntheticClips.Generate(ClipUri, RepositoryPaths.Cache).Path;
            Clip = new McapClipReader(path, scenario.Clip.Camera, scenario.Clip.Truth, scenario.Model.Classes);
            Detector = OnnxDetector.Load(ReferenceModels.Build("detector-v1"), "detector-v1", ScenarioRunner.ContractFor(scenario));
        }

        public McapClipReader Clip { get; }

        public OnnxDetector Detector { get; }

        public void Dispose()
        {
            Clip.Dispose();
            Detector.Dispose();
        }
    }
}
