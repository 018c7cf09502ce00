using Harness.Inference;
using Harness.Models.Onnx;
using Harness.Postprocessing;
using Harness.Postprocessing.Layouts;
using Harness.Preprocessing;
using Harness.Running;
using Harness.TestKit;

namespace Harness.Tests.Postprocessing.Exporters;

/// <summary>
/// An ONNX graph shaped like one exporter's file: its input name, type and shape, and each output with the
/// exporter's name, element type and shape, holding a hand-made tensor (a constant, cast to the output's type).
/// </summary>
internal sealed class ExporterModel
{
    private readonly OnnxGraph _graph = new("exporter");

    /// <param name="shape">Negative dimensions are dynamic, as exporters write batch, height and width.</param>
    public ExporterModel(string input, OnnxElementType type, params long[] shape) => _graph.AddInput(input, type, shape);

    /// <param name="declared">The shape the graph declares, when it names dynamic axes (negative); else <paramref name="shape"/>.</param>
    public ExporterModel Output(string name, OnnxElementType type, long[] shape, float[] values, long[]? declared = null)
    {
        var constant = _graph.AddInitializer(name + "_value", shape, values);
        if (type == OnnxElementType.Float)
        {
            _graph.AddNode("Identity", [constant], [name]);
        }
        else
        {
            _graph.AddNode("Cast", [constant], [name], OnnxAttribute.Of("to", (long)type));
        }

        _graph.AddOutput(name, type, declared ?? shape);
        return this;
    }

    /// <summary>
    /// Loads the model into ONNX Runtime as the runner does, runs it once and decodes the outputs with the production
    /// decoder and with the scalar reference; the input is the model's own size, so boxes stay in input pixels.
    /// </summary>
    public (List<Detection> Simd, List<Detection> Reference) Detect(LayoutConfig layout, float scoreThreshold = 0.25f)
    {
        using var detector = OnnxDetector.Load(_graph.ToModelBytes(17, "exporter-test"), "exporter.onnx", layout.Contract);
        var outputs = new FloatOutputs(detector);
        detector.Run();
        outputs.Refresh();
        var options = new PostprocessOptions { ScoreThreshold = scoreThreshold };
        var transform = LetterboxTransform.Identity(layout.InputWidth, layout.InputHeight);
        var simd = new List<Detection>();
        var reference = new List<Detection>();
        Postprocessor.Create(layout, options).Process(outputs.Current, transform, simd);
        ReferencePostprocessor.Create(layout, options).Process(outputs.Current, transform, reference);
        return (simd, reference);
    }

    public byte[] Bytes() => _graph.ToModelBytes(17, "exporter-test");

    /// <summary>Both decoders found exactly the expected detections, in order, boxes within 1e-3 px and scores within 1e-5.</summary>
    public static void AssertDetections(IReadOnlyList<Detection> expected, (List<Detection> Simd, List<Detection> Reference) found)
    {
        foreach (var (decoder, actual) in new[] { ("SIMD", found.Simd), ("reference", found.Reference) })
        {
            Assert.True(expected.Count == actual.Count, $"{decoder}: expected {expected.Count} detections, got {actual.Count}: {string.Join("; ", actual)}");
            for (var i = 0; i < expected.Count; i++)
            {
                var (e, a) = (expected[i], actual[i]);
                var close = e.ClassId == a.ClassId && Math.Abs(e.Score - a.Score) <= 1e-5f &&
                    Math.Abs(e.X1 - a.X1) <= 1e-3f && Math.Abs(e.Y1 - a.Y1) <= 1e-3f && Math.Abs(e.X2 - a.X2) <= 1e-3f && Math.Abs(e.Y2 - a.Y2) <= 1e-3f;
                Assert.True(close, $"{decoder}: detection {i} is {a}, expected {e}");
            }
        }
    }
}
