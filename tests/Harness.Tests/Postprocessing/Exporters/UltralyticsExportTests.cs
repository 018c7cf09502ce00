using Harness.Models.Onnx;
using Harness.Postprocessing.Layouts;
using static Harness.Tests.Postprocessing.Exporters.ExporterModel;

namespace Harness.Tests.Postprocessing.Exporters;

/// <summary>
/// Ultralytics exports (ultralytics/engine/exporter.py, export_onnx): input "images" [1, 3, H, W] (with dynamic=True
/// the axes 0, 2, 3 are named batch/height/width), one output "output0"; half=True makes input and output float16.
/// A 64 x 64 input has 8x8 + 4x4 + 2x2 = 84 anchors over strides 8, 16, 32.
/// </summary>
public sealed class UltralyticsExportTests
{
    private const int Size = 64;
    private const int Anchors = 84;
    private const int Classes = 80;

    [Fact]
    public void Yolov8_detect_head_decodes_channel_major_centre_boxes_and_suppresses_duplicates()
    {
        // Detect.forward in export mode: torch.cat((dbox, cls.sigmoid()), 1), dbox = xywh in input pixels
        // (ultralytics/nn/modules/head.py) -> [1, 4+nc, anchors]; dynamic axes {0: batch, 2: anchors}.
        var data = Yolov8Output();
        var model = new ExporterModel("images", OnnxElementType.Float, -1, 3, -1, -1)
            .Output("output0", OnnxElementType.Float, [1, 4 + Classes, Anchors], data, declared: [-1, 4 + Classes, -1]);

        AssertDetections(
            [new Detection(15, 20, 25, 40, 0.9f, 2), new Detection(36, 36, 44, 44, 0.6f, 79)],
            model.Detect(OutputLayouts.Get("yolov8").Configure(Size, Size, Classes)));
    }

    [Fact]
    public void Yolov8_half_precision_export_is_fed_and_read_as_float16()
    {
        // half=True: the graph's input and output are float16, so scores arrive rounded to half precision.
        var data = Yolov8Output();
        var model = new ExporterModel("images", OnnxElementType.Float16, 1, 3, Size, Size)
            .Output("output0", OnnxElementType.Float16, [1, 4 + Classes, Anchors], data);

        AssertDetections(
            [new Detection(15, 20, 25, 40, (float)(Half)0.9f, 2), new Detection(36, 36, 44, 44, (float)(Half)0.6f, 79)],
            model.Detect(OutputLayouts.Get("yolov8").Configure(Size, Size, Classes)));
    }

    [Fact]
    public void Yolov10_end_to_end_rows_are_kept_without_suppression_above_the_threshold()
    {
        // v10Detect / end2end=True: [1, max_det=300, 6] rows x1, y1, x2, y2, score, class; the predictor only keeps
        // rows with score > conf (ultralytics/models/yolov10/detect/predict.py), no NMS: the duplicate stays.
        var data = new float[300 * 6];
        float[][] rows = [[4, 6, 20, 30, 0.8f, 5], [4, 6, 20, 30, 0.7f, 5], [30, 30, 40, 40, 0.1f, 1], [10, 10, 12, 12, 0.25f, 0]];
        for (var k = 0; k < rows.Length; k++)
        {
            rows[k].CopyTo(data, k * 6);
        }

        var model = new ExporterModel("images", OnnxElementType.Float, 1, 3, Size, Size)
            .Output("output0", OnnxElementType.Float, [1, 300, 6], data);

        AssertDetections(
            [new Detection(4, 6, 20, 30, 0.8f, 5), new Detection(4, 6, 20, 30, 0.7f, 5)],
            model.Detect(OutputLayouts.Get("yolov10").Configure(Size, Size, Classes)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rtdetr_scales_normalized_centre_boxes_by_the_input_and_keeps_every_query(bool logits)
    {
        // RTDETRDecoder in export mode: torch.cat((dec_bboxes, dec_scores.sigmoid()), -1) -> [1, 300, 4+nc], boxes
        // normalized cx, cy, w, h; the predictor converts xywh to xyxy, scales by the image size and takes the best
        // class per query with no NMS (ultralytics/models/rtdetr/predict.py). Other exports keep the logits.
        var data = Queries(logits);
        Query(data, 0, [0.5f, 0.25f, 0.25f, 0.125f], 7, 0.85f, logits);
        Query(data, 1, [0.5f, 0.25f, 0.25f, 0.125f], 7, 0.8f, logits);
        Query(data, 2, [0.1f, 0.1f, 0.1f, 0.1f], 3, 0.2f, logits);
        var layout = OutputLayouts.Get("rtdetr");
        var settings = layout.DefaultSettings.With("scores", logits ? "logits" : "probabilities");
        var model = new ExporterModel("images", OnnxElementType.Float, 1, 3, Size, Size)
            .Output("output0", OnnxElementType.Float, [1, 300, 4 + Classes], data);

        // cx 0.5 * 64 = 32, cy 0.25 * 64 = 16, w 16, h 8 -> corners (24, 12) - (40, 20).
        AssertDetections(
            [new Detection(24, 12, 40, 20, 0.85f, 7), new Detection(24, 12, 40, 20, 0.8f, 7)],
            model.Detect(layout.Configure(Size, Size, Classes, settings)));
    }

    [Fact]
    public void Rtdetr_logits_read_as_probabilities_would_be_a_different_answer()
    {
        var data = Queries(logits: true);
        Query(data, 0, [0.5f, 0.5f, 0.5f, 0.5f], 1, 0.2f, logits: true);
        var model = new ExporterModel("images", OnnxElementType.Float, 1, 3, Size, Size)
            .Output("output0", OnnxElementType.Float, [1, 300, 4 + Classes], data);

        // logit(0.2) = -1.386: as a probability it is below any threshold; through the sigmoid it is 0.2.
        AssertDetections([], model.Detect(OutputLayouts.Get("rtdetr").Configure(Size, Size, Classes), scoreThreshold: 0.1f));
        AssertDetections(
            [new Detection(16, 16, 48, 48, 0.2f, 1)],
            model.Detect(OutputLayouts.Get("rtdetr").Configure(Size, Size, Classes, OutputLayouts.Get("rtdetr").DefaultSettings.With("scores", "logits")), scoreThreshold: 0.1f));
    }

    /// <summary>
    /// Anchor 10: centre (20, 30), 10 x 20, class 2 at 0.9. Anchor 50: centre (40, 40), 8 x 8, class 79 at 0.6; anchor
    /// 51 the same box 1 px right at 0.5 (IoU 56 / 72 = 0.78 with anchor 50, so NMS removes it). Anchor 60 scores
    /// exactly the 0.25 threshold, which is not above it.
    /// </summary>
    private static float[] Yolov8Output()
    {
        var data = new float[(4 + Classes) * Anchors];
        void Set(int anchor, float cx, float cy, float w, float h, int classId, float score)
        {
            data[anchor] = cx;
            data[Anchors + anchor] = cy;
            data[(2 * Anchors) + anchor] = w;
            data[(3 * Anchors) + anchor] = h;
            data[((4 + classId) * Anchors) + anchor] = score;
        }

        Set(10, 20, 30, 10, 20, 2, 0.9f);
        Set(50, 40, 40, 8, 8, 79, 0.6f);
        Set(51, 41, 40, 8, 8, 79, 0.5f);
        Set(60, 8, 8, 4, 4, 0, 0.25f);
        return data;
    }

    /// <summary>300 empty queries: class scores 0, or logits of -12 (probability 6e-6) so that empty queries stay empty after the sigmoid.</summary>
    private static float[] Queries(bool logits)
    {
        var data = new float[300 * (4 + Classes)];
        for (var q = 0; logits && q < 300; q++)
        {
            data.AsSpan((q * (4 + Classes)) + 4, Classes).Fill(-12f);
        }

        return data;
    }

    private static void Query(float[] data, int query, float[] box, int classId, float probability, bool logits)
    {
        var row = query * (4 + Classes);
        box.CopyTo(data, row);
        data[row + 4 + classId] = logits ? MathF.Log(probability / (1f - probability)) : probability;
    }
}
