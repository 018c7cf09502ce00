using Harness.Inference;
using Harness.Models.Onnx;
using Harness.Postprocessing;
using Harness.Postprocessing.Layouts;
using static Harness.Tests.Postprocessing.Exporters.ExporterModel;

namespace Harness.Tests.Postprocessing.Exporters;

/// <summary>SSD heads before NMS, the TensorFlow Object Detection API signature, and NMS plug-ins that order their outputs their own way.</summary>
public sealed class SsdExportTests
{
    private const int Size = 64;
    private const int Classes = 3;

    [Fact]
    public void Ssd_background_first_is_skipped_even_where_it_scores_highest()
    {
        // torchvision's SSD and Caffe/TensorFlow SSD heads give class 0 to the background: scores [1, N, C+1].
        var model = Ssd(
            [[8, 8, 24, 24], [30, 30, 40, 40], [0, 0, 10, 10]],
            [[0.9f, 0.05f, 0.8f, 0.05f], [0.99f, 0.01f, 0f, 0f], [0.1f, 0.3f, 0.2f, 0.6f]]);
        var layout = OutputLayouts.Get("ssd");

        AssertDetections(
            [new Detection(8, 8, 24, 24, 0.8f, 1), new Detection(0, 0, 10, 10, 0.6f, 2)],
            model.Detect(layout.Configure(Size, Size, Classes, layout.DefaultSettings.With("background", "first"))));
    }

    [Fact]
    public void Ssd_background_last_never_becomes_class_c_and_normalized_corners_scale_by_the_input()
    {
        var model = Ssd(
            [[0.125f, 0.125f, 0.375f, 0.375f], [0.5f, 0.5f, 0.75f, 1f]],
            [[0.1f, 0.2f, 0.7f, 0.95f], [0.3f, 0.1f, 0.1f, 0.99f]]);
        var layout = OutputLayouts.Get("ssd");
        var settings = layout.DefaultSettings.With("background", "last").With("coordinates", "normalized");

        AssertDetections(
            [new Detection(8, 8, 24, 24, 0.7f, 2), new Detection(32, 32, 48, 64, 0.3f, 0)],
            model.Detect(layout.Configure(Size, Size, Classes, settings)));
    }

    [Fact]
    public void Ssd_with_a_background_column_but_no_background_setting_is_refused_at_load()
    {
        var model = Ssd([[0, 0, 1, 1]], [[0.9f, 0.1f, 0f, 0f]]);

        var error = Assert.Throws<DetectorModelException>(() => model.Detect(OutputLayouts.Get("ssd").Configure(Size, Size, Classes)));

        Assert.Contains("output 'scores' has shape [1, 1, 4] but layout ssd with 3 classes expects scores [1, N, 3]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tf_object_detection_api_reads_its_four_outputs_by_name_among_the_others()
    {
        // TF2 Object Detection API exporter_main_v2.py serving signature, converted with tf2onnx: input
        // "input_tensor" uint8 [1, height, width, 3] (height and width dynamic), outputs detection_anchor_indices,
        // detection_boxes (ymin, xmin, ymax, xmax, normalized), detection_classes (1-based label map ids, float),
        // detection_multiclass_scores, detection_scores, num_detections (float), raw_detection_boxes and
        // raw_detection_scores - in that (alphabetical) order, so the four this layout reads are found by name.
        const int slots = 100;
        var boxes = new float[slots * 4];
        var scores = new float[slots];
        var classes = new float[slots];
        void Slot(int i, float[] box, float score, float labelMapId)
        {
            box.CopyTo(boxes, i * 4);
            scores[i] = score;
            classes[i] = labelMapId;
        }

        Slot(0, [0.25f, 0.5f, 0.5f, 0.75f], 0.9f, 3f);
        Slot(1, [0f, 0f, 0.5f, 0.5f], 0.6f, 1f);
        Slot(2, [0f, 0f, 1f, 1f], 0.95f, 2f); // beyond num_detections: padding, never read
        var model = new ExporterModel("input_tensor", OnnxElementType.UInt8, 1, -1, -1, 3)
            .Output("detection_anchor_indices", OnnxElementType.Float, [1, slots], new float[slots])
            .Output("detection_boxes", OnnxElementType.Float, [1, slots, 4], boxes)
            .Output("detection_classes", OnnxElementType.Float, [1, slots], classes)
            .Output("detection_multiclass_scores", OnnxElementType.Float, [1, slots, Classes + 1], new float[slots * (Classes + 1)])
            .Output("detection_scores", OnnxElementType.Float, [1, slots], scores)
            .Output("num_detections", OnnxElementType.Float, [1], [2f])
            .Output("raw_detection_boxes", OnnxElementType.Float, [1, 10, 4], new float[40])
            .Output("raw_detection_scores", OnnxElementType.Float, [1, 10, Classes + 1], new float[10 * (Classes + 1)]);

        // Slot 0: x from 0.5 * 64 = 32 to 48, y from 16 to 32, label map id 3 -> class 2.
        AssertDetections(
            [new Detection(32, 16, 48, 32, 0.9f, 2), new Detection(0, 0, 32, 32, 0.6f, 0)],
            model.Detect(OutputLayouts.Get("tf-od-api").Configure(Size, Size, Classes)));
    }

    [Fact]
    public void Tf_object_detection_api_class_id_outside_the_scenario_classes_is_an_error_naming_it()
    {
        var model = new ExporterModel("input_tensor", OnnxElementType.UInt8, 1, -1, -1, 3)
            .Output("detection_boxes", OnnxElementType.Float, [1, 1, 4], [0, 0, 1, 1])
            .Output("detection_classes", OnnxElementType.Float, [1, 1], [4f])
            .Output("detection_scores", OnnxElementType.Float, [1, 1], [0.9f])
            .Output("num_detections", OnnxElementType.Float, [1], [1f]);

        var error = Assert.Throws<OutputShapeException>(() => model.Detect(OutputLayouts.Get("tf-od-api").Configure(Size, Size, Classes)));

        Assert.Equal("Layout tf-od-api: output 2 holds class id 4 but the scenario names 3 classes (ids 1 to 3).", error.Message);
    }

    [Fact]
    public void End2end_efficient_nms_outputs_are_matched_by_name_whatever_their_order()
    {
        // TensorRT's EfficientNMS_TRT (as YOLO end2end export scripts add it) outputs num_dets [1, 1], det_boxes
        // [1, K, 4], det_scores [1, K] and det_classes [1, K], count first and integers as int32.
        var model = new ExporterModel("images", OnnxElementType.Float, 1, 3, Size, Size)
            .Output("num_dets", OnnxElementType.Int32, [1, 1], [1f])
            .Output("det_boxes", OnnxElementType.Float, [1, 2, 4], [1, 2, 30, 40, 5, 5, 9, 9])
            .Output("det_scores", OnnxElementType.Float, [1, 2], [0.8f, 0.9f])
            .Output("det_classes", OnnxElementType.Int32, [1, 2], [2f, 1f]);

        AssertDetections([new Detection(1, 2, 30, 40, 0.8f, 2)], model.Detect(OutputLayouts.Get("end2end").Configure(Size, Size, Classes)));
    }

    private static ExporterModel Ssd(float[][] boxes, float[][] scores) =>
        new ExporterModel("images", OnnxElementType.Float, 1, 3, Size, Size)
            .Output("boxes", OnnxElementType.Float, [1, boxes.Length, 4], [.. boxes.SelectMany(b => b)])
            .Output("scores", OnnxElementType.Float, [1, scores.Length, scores[0].Length], [.. scores.SelectMany(s => s)]);
}
