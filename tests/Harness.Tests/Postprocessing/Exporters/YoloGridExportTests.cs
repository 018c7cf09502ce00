using Harness.Inference;
using Harness.Models.Onnx;
using Harness.Postprocessing.Layouts;
using static Harness.Tests.Postprocessing.Exporters.ExporterModel;

namespace Harness.Tests.Postprocessing.Exporters;

/// <summary>Anchor-major [1, N, 5+C] exports with objectness: YOLOv5/YOLOv7 (decoded in the graph) and YOLOX (raw, decoded here).</summary>
public sealed class YoloGridExportTests
{
    private const int Size = 64;

    [Fact]
    public void Yolov5_scores_objectness_times_class_and_skips_low_objectness()
    {
        // YOLOv5 export.py: input "images", output "output0" [1, 3 * cells, 5 + nc] (dynamic axes {0: batch,
        // 1: anchors}); Detect already applied the sigmoid and the anchor grid, so rows are cx, cy, w, h in pixels,
        // objectness, class probabilities. YOLOv7's export names the output "output". 3 anchors x 84 cells = 252.
        const int classes = 2;
        var data = new float[252 * 7];
        float[][] rows =
        [
            [32, 16, 16, 8, 0.8f, 0.5f, 0.9f], // 0.8 * 0.9 = 0.72, class 1
            [10, 10, 4, 4, 0.2f, 1f, 1f], // objectness 0.2: skipped whatever the classes say
            [50, 50, 8, 8, 0.5f, 0.5f, 0.4f], // 0.25: not above the threshold
        ];
        for (var k = 0; k < rows.Length; k++)
        {
            rows[k].CopyTo(data, (k + 3) * 7);
        }

        var model = new ExporterModel("images", OnnxElementType.Float, 1, 3, Size, Size)
            .Output("output", OnnxElementType.Float, [1, 252, 7], data);

        AssertDetections([new Detection(24, 12, 40, 20, 0.72f, 1)], model.Detect(OutputLayouts.Get("yolov5").Configure(Size, Size, classes)));
    }

    [Fact]
    public void Yolox_decodes_grid_offsets_and_log_sizes_per_stride()
    {
        // YOLOX tools/export_onnx.py (decode_in_inference off): input "images", output "output" [1, N, 5 + nc];
        // YOLOXHead in export mode concatenates the raw regression with obj.sigmoid() and cls.sigmoid(). The demo's
        // demo_postprocess builds the grids stride by stride, row-major (meshgrid of x then y), and decodes
        // xy = (raw + cell) * stride, wh = exp(raw) * stride. For 64 x 64: 64 + 16 + 4 = 84 rows.
        const int classes = 4;
        var data = new float[84 * 9];

        // Row 70 = 64 (stride 8) + 4 * 1 + 2: stride 16, cell x 2, y 1 -> centre (2.5 * 16, 1.25 * 16) = (40, 20),
        // size (2 * 16, 1 * 16) = 32 x 16 -> corners (24, 12) - (56, 28); score 0.9 * 0.8 = 0.72, class 3.
        float[] cell = [0.5f, 0.25f, MathF.Log(2f), 0f, 0.9f, 0.1f, 0.2f, 0.3f, 0.8f];
        cell.CopyTo(data, 70 * 9);

        // Row 0: stride 8, cell (0, 0), raw zeros -> centre (0, 0), 8 x 8 -> (-4, -4) - (4, 4), clipped to the image;
        // score 0.5 * 0.6 = 0.3.
        float[] corner = [0f, 0f, 0f, 0f, 0.5f, 0.6f, 0f, 0f, 0f];
        corner.CopyTo(data, 0);

        // Row 83: stride 32, cell (1, 1) -> centre (48, 48), 32 x 32 -> (32, 32) - (64, 64); score 0.7 * 0.5 = 0.35, class 1.
        float[] last = [0.5f, 0.5f, 0f, 0f, 0.7f, 0f, 0.5f, 0f, 0f];
        last.CopyTo(data, 83 * 9);

        var model = new ExporterModel("images", OnnxElementType.Float, 1, 3, Size, Size)
            .Output("output", OnnxElementType.Float, [1, 84, 9], data);

        AssertDetections(
            [new Detection(24, 12, 56, 28, 0.72f, 3), new Detection(32, 32, 64, 64, 0.35f, 1), new Detection(0, 0, 4, 4, 0.3f, 0)],
            model.Detect(OutputLayouts.Get("yolox").Configure(Size, Size, classes)));
    }

    [Fact]
    public void Yolox_with_strides_that_do_not_fit_the_output_is_refused_at_load_naming_the_expected_rows()
    {
        var model = new ExporterModel("images", OnnxElementType.Float, 1, 3, Size, Size)
            .Output("output", OnnxElementType.Float, [1, 84, 9], new float[84 * 9]);
        var layout = OutputLayouts.Get("yolox");

        // Strides 8 and 16 alone make 64 + 16 = 80 rows, a P6 head (8, 16, 32, 64) 84 + 1 = 85.
        var twoStrides = Assert.Throws<DetectorModelException>(() => model.Detect(layout.Configure(Size, Size, 4, layout.DefaultSettings.With("strides", "8", "16"))));
        var p6 = Assert.Throws<DetectorModelException>(() => model.Detect(layout.Configure(Size, Size, 4, layout.DefaultSettings.With("strides", "8", "16", "32", "64"))));

        Assert.Contains("output 'output' has shape [1, 84, 9] but layout yolox with 4 classes expects [1, 80, 9]", twoStrides.Message, StringComparison.Ordinal);
        Assert.Contains("expects [1, 85, 9]", p6.Message, StringComparison.Ordinal);
    }
}
