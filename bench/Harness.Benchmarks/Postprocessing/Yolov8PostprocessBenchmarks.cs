using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Harness.Models.Onnx;
using Harness.Postprocessing;
using Harness.Postprocessing.Layouts;
using Harness.Preprocessing;
using Harness.TestKit;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace Harness.Benchmarks.Postprocessing;

/// <summary>
/// Decode + NMS of a realistic yolov8 output [1, 84, 8400] (80 classes, a few hundred candidates above 0.25 in
/// overlapping clusters), against the floor of reading those floats once and an OpenCV NMSBoxes pipeline.
/// </summary>
[MemoryDiagnoser]
public class Yolov8PostprocessBenchmarks : IDisposable
{
    private const int Anchors = 8400;
    private const int Rows = 84;

    private static readonly LetterboxTransform Transform = new(1f / 3f, 1f / 3f, 0f, 140f, 1920, 1080);

    private readonly long[] shape = [1, Rows, Anchors];
    private readonly List<Detection> detections = new(300);
    private readonly PostprocessOptions options = new();
    private readonly Candidates candidates = new();
    private float[] output = [];
    private IPostprocessor simd = null!;
    private IPostprocessor scalar = null!;
    private InferenceSession? onnxNms;
    private OrtValue? onnxInput;
    private RunOptions? onnxRunOptions;

    [GlobalSetup]
    public void Setup()
    {
        output = SyntheticYolov8Output.Create(Anchors, Rows - 4, objects: 40, anchorsPerObject: 10, inputSize: 640, seed: 42);
        simd = Postprocessor.Create(OutputLayouts.Get("yolov8").Configure(640, 640, Rows - 4), options);
        scalar = ReferencePostprocessor.Create(OutputLayouts.Get("yolov8").Configure(640, 640, Rows - 4), options);
        CheckOpenCvKeepsTheSameBoxes();
        onnxNms = new InferenceSession(OnnxNmsGraph(), new SessionOptions { IntraOpNumThreads = 1 });
        onnxInput = OrtValue.CreateTensorValueFromMemory(output, shape);
        onnxRunOptions = new RunOptions();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        onnxRunOptions?.Dispose();
        onnxInput?.Dispose();
        onnxNms?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "Floor: TensorPrimitives.Sum over 84x8400")]
    public float ReadFloor() => TensorPrimitives.Sum(output);

    [Benchmark(Description = "Harness SIMD")]
    public int Simd()
    {
        simd.Process(new ModelOutputs(new OutputTensor(output, shape)), Transform, detections);
        return detections.Count;
    }

    [Benchmark(Description = "Harness scalar reference")]
    public int Scalar()
    {
        scalar.Process(new ModelOutputs(new OutputTensor(output, shape)), Transform, detections);
        return detections.Count;
    }

    /// <summary>
    /// The same tensor through ONNX Runtime's own operators: slice boxes and scores, transpose boxes to [1, N, 4],
    /// NonMaxSuppression per class (centre boxes, IoU 0.45, score 0.25, 300 per class).
    /// </summary>
    [Benchmark(Description = "ONNX Runtime Slice+Transpose+NonMaxSuppression")]
    public long OnnxRuntimeNms()
    {
        using var outputs = onnxNms!.Run(onnxRunOptions, ["output0"], [onnxInput!], ["selected_indices"]);
        return outputs[0].GetTensorTypeAndShape().Shape[0];
    }

    [Benchmark(Description = "Harness decode + CvDnn.NMSBoxes")]
    public int OpenCv()
    {
        var kept = OpenCvKept();
        detections.Clear();
        DetectionWriter.Write(candidates, kept, Transform, detections);
        return detections.Count;
    }

    /// <summary>
    /// Class-aware NMS through OpenCV's class-agnostic NMSBoxes, the way torchvision's batched_nms does it: every
    /// class is shifted to its own region of the plane so boxes of different classes never overlap.
    /// </summary>
    private int[] OpenCvKept()
    {
        candidates.Reset(Anchors);
        Yolov8Decoder.Decode(output, Rows, Anchors, options.ScoreThreshold, candidates);
        var boxes = new Rect2d[candidates.Count];
        var scores = new float[candidates.Count];
        for (var i = 0; i < boxes.Length; i++)
        {
            var shift = candidates.Class[i] * 4096.0;
            boxes[i] = new Rect2d(
                candidates.X1[i] + shift, candidates.Y1[i] + shift, candidates.X2[i] - candidates.X1[i], candidates.Y2[i] - candidates.Y1[i]);
            scores[i] = candidates.Score[i];
        }

        // NMSBoxes's top_k cuts the candidates before suppression; torchvision semantics cap the kept boxes after.
        CvDnn.NMSBoxes(boxes, scores, options.ScoreThreshold, options.IouThreshold, out var kept, 1f, 0);
        return kept.Length > options.MaxDetections ? kept[..options.MaxDetections] : kept;
    }

    private void CheckOpenCvKeepsTheSameBoxes()
    {
        Simd();
        var ours = detections.ToList();
        OpenCv();
        var openCv = detections.ToList();
        Scalar();
        if (!ours.SequenceEqual(openCv) || !ours.SequenceEqual(detections))
        {
            throw new InvalidOperationException(
                $"Kept sets differ on the benchmark output: SIMD kept {ours.Count}, OpenCV {openCv.Count}, scalar {detections.Count}.");
        }

        Console.WriteLine($"// Check: SIMD, scalar and OpenCV {Cv2.GetVersionString()} NMSBoxes keep the same {ours.Count} boxes.");
    }

    private static byte[] OnnxNmsGraph()
    {
        var graph = new OnnxGraph("yolov8-nms");
        graph.AddInput("output0", OnnxElementType.Float, 1, Rows, Anchors);
        var axis = graph.AddInitializer("axis", [1], [1L]);
        var boxStart = graph.AddInitializer("box_start", [1], [0L]);
        var boxEnd = graph.AddInitializer("box_end", [1], [4L]);
        var scoreEnd = graph.AddInitializer("score_end", [1], [(long)Rows]);
        var boxesCxCyWh = graph.Add("Slice", ["output0", boxStart, boxEnd, axis]);
        var boxes = graph.Add("Transpose", [boxesCxCyWh], OnnxAttribute.Of("perm", 0L, 2L, 1L));
        var scores = graph.Add("Slice", ["output0", boxEnd, scoreEnd, axis]);
        var maxBoxes = graph.AddInitializer("max_output_boxes_per_class", [1], [300L]);
        var iou = graph.AddInitializer("iou_threshold", [1], [0.45f]);
        var score = graph.AddInitializer("score_threshold", [1], [0.25f]);
        graph.AddNode("NonMaxSuppression", [boxes, scores, maxBoxes, iou, score], ["selected_indices"], OnnxAttribute.Of("center_point_box", 1L));
        graph.AddOutput("selected_indices", OnnxElementType.Int64, -1, 3);
        return graph.ToModelBytes(17, "Harness.Benchmarks");
    }
}
