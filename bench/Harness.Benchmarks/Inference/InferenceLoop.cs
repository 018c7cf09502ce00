using System.Diagnostics;
using System.Globalization;
using Harness.Clips.Synthetic;
using Harness.Inference;
using Harness.Models;
using Harness.Postprocessing.Layouts;
using Harness.Preprocessing;

namespace Harness.Benchmarks.Inference;

/// <summary>
/// The anchor of the throughput comparison (bench/throughput.sh): frames per second of a loop that does nothing but
/// call ONNX Runtime, with the reference detector and the intra-op threads a scenario uses, on inputs preprocessed
/// before the clock starts. A timed loop rather than a BenchmarkDotNet case: one measurement is a whole clip's worth
/// of frames, the same unit <c>harness run</c> is timed in.
/// </summary>
internal static class InferenceLoop
{
    /// <summary>
    /// Distinct frames cycled through the input buffer: real pixels, without a whole clip of tensors in memory. They are
    /// spread evenly over the clip the harness replays (urban-day, seed 7, FRAMES frames), not its first frames: the
    /// model's time per frame differs with what the frame shows by several percent, which the first frames alone miss.
    /// </summary>
    private const int PreparedFrames = 16;

    /// <summary><c>inference-loop FRAMES THREADS</c>; prints the frames per second on one line.</summary>
    public static int Run(string[] args)
    {
        if (args.Length != 2 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out var frames) || frames < 1 ||
            !int.TryParse(args[1], CultureInfo.InvariantCulture, out var threads) || threads < 0)
        {
            Console.Error.WriteLine("usage: inference-loop FRAMES THREADS (frames >= 1, intra-op threads >= 0)");
            return 2;
        }

        var contract = OutputLayouts.Get("yolov8").Configure(ReferenceModels.InputWidth, ReferenceModels.InputHeight, 3).Contract;
        using var detector = OnnxDetector.Load(ReferenceModels.Build("detector-v1"), "reference://detector-v1", contract, new OnnxDetectorOptions(threads));
        var preprocessor = new LetterboxPreprocessor(new PreprocessOptions(ReferenceModels.InputWidth, ReferenceModels.InputHeight));
        var spacing = Math.Max(1, frames / PreparedFrames);
        var inputs = SyntheticScene.Render(new SyntheticSceneOptions("urban-day", 7, frames))
            .Where(frame => frame.Index % spacing == 0)
            .Take(PreparedFrames)
            .Select(frame =>
            {
                var input = new float[detector.InputBuffer.Length];
                preprocessor.Preprocess(frame.Image, input);
                return input;
            })
            .ToList();

        // Warm-up: the first runs allocate ONNX Runtime's arenas and are not what a long clip sees.
        for (var i = 0; i < inputs.Count; i++)
        {
            inputs[i].CopyTo(detector.InputBuffer);
            detector.Run();
        }

        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < frames; i++)
        {
            inputs[i % inputs.Count].CopyTo(detector.InputBuffer);
            detector.Run();
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{frames / elapsed.TotalSeconds:0.00}"));
        return 0;
    }
}
