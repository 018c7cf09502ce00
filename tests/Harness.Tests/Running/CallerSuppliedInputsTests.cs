using Harness.Clips.Mcap;
using Harness.Inference;
using Harness.Models;
using Harness.Running;
using Harness.Scenarios;
using Harness.Suite;
using Harness.Testing;

namespace Harness.Tests.Running;

/// <summary>A clip reader and a detector the caller opened replay exactly as the scenario's own files do.</summary>
public sealed class CallerSuppliedInputsTests : IDisposable
{
    private const string ClipUri = "synthetic://urban-day?seed=7&frames=6";
    private readonly string directory = Directory.CreateTempSubdirectory("caller-inputs-").FullName;

    [Fact]
    public void A_reader_and_a_loaded_detector_give_the_result_the_scenario_files_give()
    {
        var (clipPath, clipSha) = SyntheticClips.Generate(ClipUri, RepositoryPaths.Cache);
        var model = ReferenceModels.Build("detector-v1");
        var scenario = Scenario(clipSha, PinnedHash.OfBytes(model)).Build();
        var fromFiles = ScenarioRunner.Run(scenario, RepositoryPaths.Cache);

        using var clip = new McapClipReader(clipPath, scenario.Clip.Camera, scenario.Clip.Truth, scenario.Model.Classes);
        using var detector = OnnxDetector.Load(model, "detector-v1", ScenarioRunner.ContractFor(scenario));
        var fromCaller = ScenarioRunner.Run(scenario, clip, detector);

        Assert.Equal(fromFiles.DetectionsSha256, fromCaller.DetectionsSha256);
        Assert.Equal((fromFiles.ClipSha256, fromFiles.ModelSha256), (fromCaller.ClipSha256, fromCaller.ModelSha256));
        Assert.Equal(NonTiming(fromFiles), NonTiming(fromCaller));
    }

    [Fact]
    public void Inputs_without_pinned_hashes_are_refused_because_the_baseline_could_not_name_them()
    {
        var (clipPath, clipSha) = SyntheticClips.Generate(ClipUri, RepositoryPaths.Cache);
        var unpinnedModel = Scenario(clipSha, modelSha: null).Build();
        using var clip = new McapClipReader(clipPath, unpinnedModel.Clip.Camera, unpinnedModel.Clip.Truth, unpinnedModel.Model.Classes);
        using var detector = OnnxDetector.Load(ReferenceModels.Build("detector-v1"), "detector-v1", ScenarioRunner.ContractFor(unpinnedModel));

        var error = Assert.Throws<ScenarioInputException>(() => ScenarioRunner.Run(unpinnedModel, clip, detector));

        Assert.StartsWith("scenario 'caller': model.sha256 must be pinned", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_detector_loaded_for_another_input_size_is_refused_naming_both_contracts()
    {
        var (clipPath, clipSha) = SyntheticClips.Generate(ClipUri, RepositoryPaths.Cache);
        var model = ReferenceModels.Build("detector-v1");
        var scenario = Scenario(clipSha, PinnedHash.OfBytes(model)).Build();
        var other = Scenario(clipSha, PinnedHash.OfBytes(model)).WithInput(320, 192).Build();
        using var clip = new McapClipReader(clipPath, scenario.Clip.Camera, scenario.Clip.Truth, scenario.Model.Classes);
        using var detector = OnnxDetector.Load(model, "detector-v1", ScenarioRunner.ContractFor(scenario));

        var error = Assert.Throws<ScenarioInputException>(() => ScenarioRunner.Run(other, clip, detector));

        Assert.Contains("was loaded for layout yolov8, input 640x384, 3 classes", error.Message, StringComparison.Ordinal);
        Assert.Contains("the scenario needs layout yolov8, input 320x192, 3 classes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_suite_judges_caller_inputs_and_turns_their_problems_into_an_error_verdict()
    {
        var (clipPath, clipSha) = SyntheticClips.Generate(ClipUri, RepositoryPaths.Cache);
        var model = ReferenceModels.Build("detector-v1");
        var pinned = Scenario(clipSha, PinnedHash.OfBytes(model)).Build();
        var unpinned = Scenario(clipSha, modelSha: null).Build();
        var options = new SuiteOptions(directory, Path.Combine(directory, "baselines"), RepositoryPaths.Cache, Tag: null, Ids: [], RunKind.PullRequest, IsCi: true)
        {
            ResultsDirectory = Path.Combine(directory, "results"),
        };
        using var clip = new McapClipReader(clipPath, pinned.Clip.Camera, pinned.Clip.Truth, pinned.Model.Classes);
        using var detector = OnnxDetector.Load(model, "detector-v1", ScenarioRunner.ContractFor(pinned));

        var judged = GateSuite.RunOne(pinned, options, clip, detector);
        var refused = GateSuite.RunOne(unpinned, options, clip, detector);

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

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static ScenarioBuilder Scenario(string clipSha, string? modelSha) =>
        new ScenarioBuilder("caller")
            .WithTags("pr")
            .WithClip(ClipUri, clipSha)
            .WithModel("reference://detector-v1", modelSha)
            .WithLayout("yolov8")
            .WithInput(640, 384)
            .WithClasses(ReferenceModels.ClassNames);

    private static Dictionary<string, double> NonTiming(Harness.Metrics.ScenarioResult result) =>
        result.Metrics.Where(m => !Harness.Metrics.MetricNames.IsTiming(m.Key)).ToDictionary();
}
