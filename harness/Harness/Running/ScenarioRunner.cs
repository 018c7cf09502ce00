using Harness.Clips;
using Harness.Inference;
using Harness.Metrics;
using Harness.Metrics.Bootstrap;
using Harness.Postprocessing;
using Harness.Postprocessing.Layouts;
using Harness.Preprocessing;
using Harness.Scenarios;

namespace Harness.Running;

/// <summary>
/// One scenario through every stage: clip -> preprocess -> ONNX Runtime -> postprocess -> metrics. Frames stream;
/// the buffers of each stage are allocated once and reused for every frame. Reading and preprocessing run a few frames
/// ahead on another thread, so the replay's thread spends its time in ONNX Runtime.
/// </summary>
public static class ScenarioRunner
{
    /// <summary>Replays the scenario's own clip through its own model, resolving <c>synthetic://</c> and <c>reference://</c> sources into <paramref name="cacheDirectory"/>.</summary>
    public static ScenarioResult Run(Scenario scenario, string cacheDirectory, ReplayOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= ReplayOptions.Default;
        options.Hooks.Enter(scenario.Id, PipelineStage.OpenClip);
        var clipSource = ClipSource.Resolve(scenario.Clip, cacheDirectory);

        // Hashing the clip (0.8 GB for 1,000 raw 640x384 frames, about 1% of a run) runs on another core while it
        // replays. A clip that fails its pin is that error, whatever its replay ran into meanwhile, as when the hash came
        // first, and it stops the replay at the next frame rather than at the end.
        var verifying = Task.Run(() => clipSource.Verify(scenario.Clip), CancellationToken.None);
        try
        {
            var modelSource = ModelSource.Resolve(scenario.Model, cacheDirectory);
            using var clip = clipSource.Open(scenario.Clip, scenario.Model.Classes);
            var layout = LayoutOf(scenario.Model);
            using var detector = LoadDetector(scenario.Model, layout, modelSource.Path);
            return Replay(scenario, new ReplayInputs(clip, clipSource.Path, verifying, clipSource.FrameCount, detector, modelSource.Sha256, layout), options, cancellationToken);
        }
        catch
        {
            verifying.GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>
    /// Replays frames the caller reads through a detector the caller loaded (for a clip format of its own, or one
    /// session shared by several scenarios); the caller keeps both and disposes them. A reader has no file to hash,
    /// and a loaded detector no file either, so the scenario must pin both (<see cref="ClipSpec.Sha256"/>,
    /// <see cref="ModelSpec.Sha256"/>): the baseline records them, and the gate compares runs on the same inputs only.
    /// </summary>
    /// <exception cref="ScenarioInputException">A hash is not pinned, the reader resolves other classes, or the detector was loaded for another contract than <see cref="ContractFor"/> gives.</exception>
    public static ScenarioResult Run(Scenario scenario, IClipReader clip, OnnxDetector detector, ReplayOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentNullException.ThrowIfNull(detector);
        var clipSha = scenario.Clip.Sha256 ?? throw new ScenarioInputException($"{scenario.SourcePath}: clip.sha256 must be pinned to replay a clip given as a reader (the baseline records which clip it measured)");
        var modelSha = scenario.Model.Sha256 ?? throw new ScenarioInputException($"{scenario.SourcePath}: model.sha256 must be pinned to replay a detector loaded by the caller (the baseline records which model it measured)");
        if (!clip.Classes.EvaluationClasses.SequenceEqual(scenario.Model.Classes.EvaluationClasses, StringComparer.Ordinal))
        {
            throw new ScenarioInputException($"{scenario.SourcePath}: the clip reader resolves truth to [{string.Join(", ", clip.Classes.EvaluationClasses)}], the scenario evaluates [{string.Join(", ", scenario.Model.Classes.EvaluationClasses)}]");
        }

        var layout = LayoutOf(scenario.Model);
        if (!detector.Contract.SameAs(layout.Contract))
        {
            throw new ScenarioInputException($"{scenario.SourcePath}: model '{detector.ModelName}' was loaded for {detector.Contract.Describe()}, the scenario needs {layout.Contract.Describe()} (load it with ScenarioRunner.ContractFor)");
        }

        CheckInputScaling(scenario.Model, detector);
        return Replay(scenario, new ReplayInputs(clip, scenario.Clip.Source, Task.FromResult(clipSha), null, detector, modelSha, layout), options ?? ReplayOptions.Default, cancellationToken);
    }

    /// <summary>What a detector must be loaded with (<see cref="OnnxDetector.Load(string, DetectorContract, OnnxDetectorOptions?)"/>) to replay <paramref name="scenario"/>.</summary>
    public static DetectorContract ContractFor(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return LayoutOf(scenario.Model).Contract;
    }

    private static ScenarioResult Replay(Scenario scenario, ReplayInputs inputs, ReplayOptions options, CancellationToken cancellationToken)
    {
        var (hooks, time) = (options.Hooks, options.Hooks.Time);
        var (clip, detector, layout) = (inputs.Clip, inputs.Detector, inputs.Layout);
        var classes = scenario.Model.Classes;
        var outputs = new FloatOutputs(detector);
        var preprocessor = new LetterboxPreprocessor(PreprocessOptionsFor(scenario.Model.Input));
        var postprocessor = Postprocessor.Create(layout, PostprocessOptionsFor(scenario.Postprocess));
        var metrics = new MetricsAccumulator(new MetricsOptions(classes.EvaluationClasses, Streaming: scenario.Streaming));
        using var digest = new DetectionDigest();
        var detections = new List<Detection>(scenario.Postprocess.MaxDetections);
        var review = new FrameSelection(FrameSelection.DefaultCapacity, classes.EvaluationClasses, options.ReviewBaseline);
        using var strips = new TrackStripSelection(TrackStripSelection.DefaultCapacity);
        var scored = new List<ScoredFrame>();
        var frames = 0;
        var lastTimestampNs = long.MinValue;

        using var staging = new StagedInputs(preprocessor, detector, time, () => hooks.Enter(scenario.Id, PipelineStage.Preprocess));
        foreach (var staged in FrameReadAhead.Of(clip.ReadFrames(cancellationToken).Select(staging.Stage), cancellationToken))
        {
            if (inputs.ClipSha256.IsFaulted)
            {
                inputs.ClipSha256.GetAwaiter().GetResult();
            }

            var frame = staged.Frame;
            if (scenario.Streaming is not null && frame.TimestampNs <= lastTimestampNs)
            {
                throw new ScenarioInputException($"{scenario.SourcePath}: streaming replays clip '{inputs.ClipPath}' at its recorded times, which must increase, " +
                    $"but frame {frame.Index} is recorded at {frame.TimestampNs} ns, not after the frame before it ({lastTimestampNs} ns)");
            }

            lastTimestampNs = frame.TimestampNs;
            var start = time.GetTimestamp();
            hooks.Enter(scenario.Id, PipelineStage.Infer);
            detector.RunInPlace(staged.Input);
            outputs.Refresh();
            var inferred = time.GetTimestamp();
            hooks.Enter(scenario.Id, PipelineStage.Postprocess);
            postprocessor.Process(outputs.Current, staged.Transform, detections);
            DetectionClasses.ToEvaluation(classes, detections, scenario.Model.Source);
            var postprocessed = time.GetTimestamp();

            metrics.Add(frame, detections);

            // Preprocessing ran on the read-ahead thread; a frame's latency is still every stage it went through.
            metrics.AddLatency(new StageTimings(
                staged.Preprocess,
                time.GetElapsedTime(start, inferred),
                time.GetElapsedTime(inferred, postprocessed),
                staged.Preprocess + time.GetElapsedTime(start, postprocessed)));
            scored.Add(new ScoredFrame(frame.Index, frame.TimestampNs, [.. frame.Truth], [.. detections]));
            digest.AppendFrame(frame.Index, detections);
            review.Add(frames, frame.Index, frame.Image, frame.Truth, detections);
            strips.Add(frames, frame.Index, frame.Image, frame.Truth, detections);
            frames++;
            options.Progress?.Report(new FrameProgress(scenario.Id, frames, inputs.FrameCount));
        }

        if (frames == 0)
        {
            throw new ScenarioInputException($"clip '{inputs.ClipPath}' has no frames on '{scenario.Clip.Camera}'");
        }

        hooks.Enter(scenario.Id, PipelineStage.Score);
        return metrics.Complete(scenario.Id, inputs.ClipSha256.GetAwaiter().GetResult(), inputs.ModelSha256, digest.Complete()) with
        {
            ReviewFrames = review.Encode(),
            TrackStrips = strips.Encode(),
            ScoredFrames = scored,
            Supports = MetricSupports.Of(classes.EvaluationClasses, scored, scenario.Streaming),
            Provenance = ProvenanceProbe.Current(scenario.Model.Session),
            SettingsSha256 = ScenarioSettings.Sha256(scenario),
            LeftOutLabels = new Dictionary<string, long>(clip.LeftOutLabels, StringComparer.Ordinal),
        };
    }

    private static OnnxDetector LoadDetector(ModelSpec model, LayoutConfig layout, string path)
    {
        var contract = layout.Contract;
        var options = DetectorOptionsFor(model.Session);
        OnnxDetector detector;
        try
        {
            detector = OnnxDetector.Load(path, contract, options);
        }
        catch (DetectorModelException e)
        {
            throw new ScenarioInputException(e.Message, e);
        }

        try
        {
            CheckInputScaling(model, detector);
        }
        catch
        {
            detector.Dispose();
            throw;
        }

        return detector;
    }

    private static void CheckInputScaling(ModelSpec model, OnnxDetector detector)
    {
        var input = model.Input;
        if (detector.InputElementType == typeof(byte) && (input.Scale != 1f || input.Mean.Any(m => m != 0f) || input.Std.Any(s => s != 1f)))
        {
            throw new ScenarioInputException($"model '{detector.ModelName}' takes uint8 pixels (0-255): its scenario input needs scale: 1 and no mean or std");
        }
    }

    internal static PreprocessOptions PreprocessOptionsFor(InputSpec input) => new(input.Width, input.Height)
    {
        Letterbox = input.Letterbox,
        Placement = input.Placement,
        SizeRounding = input.SizeRounding,
        Resize = input.Resize,
        PadValue = input.PadValue,
        Scale = input.Scale,
        Mean = new ChannelValues(input.Mean[0], input.Mean[1], input.Mean[2]),
        Std = new ChannelValues(input.Std[0], input.Std[1], input.Std[2]),
        ChannelOrder = input.Bgr ? ChannelOrder.Bgr : ChannelOrder.Rgb,
    };

    private static PostprocessOptions PostprocessOptionsFor(PostprocessSpec post) => new()
    {
        ScoreThreshold = post.ScoreThreshold,
        IouThreshold = post.IouThreshold,
        MaxDetections = post.MaxDetections,
        ClassAgnostic = post.ClassAgnostic,
    };

    private static LayoutConfig LayoutOf(ModelSpec model) =>
        model.Layout.Configure(model.Input.Width, model.Input.Height, model.Classes.ModelClasses.Count, model.LayoutSettings);

    /// <summary>The ONNX Runtime session a scenario's <c>model.session</c> asks for.</summary>
    internal static OnnxDetectorOptions DetectorOptionsFor(SessionSpec session) =>
        new(session.IntraOpThreads, OptimizationOf(session.OptimizationLevel), session.Deterministic);

    private static GraphOptimization OptimizationOf(string level) => level switch
    {
        "disable" => GraphOptimization.None,
        "basic" => GraphOptimization.Basic,
        "extended" => GraphOptimization.Extended,
        _ => GraphOptimization.All,
    };

    /// <summary>
    /// What one replay reads from, however it was opened, and the names and hashes its result records; the clip's
    /// hash may still be computing (a failed pin stops the replay at the next frame).
    /// </summary>
    private sealed record ReplayInputs(IClipReader Clip, string ClipPath, Task<string> ClipSha256, int? FrameCount, OnnxDetector Detector, string ModelSha256, LayoutConfig Layout);
}
