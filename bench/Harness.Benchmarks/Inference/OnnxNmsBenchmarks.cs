using BenchmarkDotNet.Attributes;
using Harness.Models.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace Harness.Benchmarks.Inference;

/// <summary>
/// ONNX Runtime's NonMaxSuppression operator on 8400 boxes x 80 classes (iou 0.45, score 0.25, 300 per class),
/// the reference point for the harness's own NMS.
/// </summary>
[MemoryDiagnoser]
public class OnnxNmsBenchmarks : IDisposable
{
    private InferenceSession? _session;
    private OrtValue? _boxes;
    private OrtValue? _scores;
    private RunOptions? _runOptions;

    [GlobalSetup]
    public void Setup()
    {
        var input = NmsInput.Create();
        _session = new InferenceSession(BuildModel(input.BoxCount, input.ClassCount), new SessionOptions { IntraOpNumThreads = 1 });
        _boxes = OrtValue.CreateTensorValueFromMemory(input.Boxes, [1, input.BoxCount, 4]);
        _scores = OrtValue.CreateTensorValueFromMemory(input.Scores, [1, input.ClassCount, input.BoxCount]);
        _runOptions = new RunOptions();
    }

    [Benchmark]
    public long NonMaxSuppression()
    {
        using var outputs = _session!.Run(_runOptions, ["boxes", "scores"], [_boxes!, _scores!], ["selected_indices"]);
        return outputs[0].GetTensorTypeAndShape().Shape[0];
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _runOptions?.Dispose();
        _scores?.Dispose();
        _boxes?.Dispose();
        _session?.Dispose();
        GC.SuppressFinalize(this);
    }

    internal static byte[] BuildModel(int boxCount, int classCount)
    {
        var graph = new OnnxGraph("nms");
        graph.AddInput("boxes", OnnxElementType.Float, 1, boxCount, 4);
        graph.AddInput("scores", OnnxElementType.Float, 1, classCount, boxCount);
        var maxBoxes = graph.AddInitializer("max_output_boxes_per_class", [1], [300L]);
        var iou = graph.AddInitializer("iou_threshold", [1], [0.45f]);
        var score = graph.AddInitializer("score_threshold", [1], [0.25f]);
        graph.AddNode("NonMaxSuppression", ["boxes", "scores", maxBoxes, iou, score], ["selected_indices"], OnnxAttribute.Of("center_point_box", 1L));
        graph.AddOutput("selected_indices", OnnxElementType.Int64, -1, 3);
        return graph.ToModelBytes(17, "Harness.Benchmarks");
    }
}
