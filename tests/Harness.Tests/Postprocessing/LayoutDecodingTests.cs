using Harness.Postprocessing;
using Harness.Preprocessing;

namespace Harness.Tests.Postprocessing;

public class LayoutDecodingTests
{
    [Fact]
    public void Yolov8_reads_channel_major_rows_and_maps_boxes_back_through_the_letterbox()
    {
        // Given two anchors, three classes; anchor 1 scores highest for class 2.
        // Letterbox of a 1920x1080 frame into 640x640: scale 1/3, 140 rows of padding on top.
        float[] data =
        [
            100, 320, // cx
            200, 300, // cy
            20, 60, // w
            40, 30, // h
            0.1f, 0.2f, // class 0
            0.2f, 0.3f, // class 1
            0.1f, 0.9f, // class 2
        ];
        var transform = new LetterboxTransform(1f / 3f, 1f / 3f, 0f, 140f, 1920, 1080);
        var detections = new List<Detection>();

        Postprocessor.Create(TestLayouts.Configure("yolov8", 3), new PostprocessOptions())
            .Process(new ModelOutputs(new OutputTensor(data, [1, 7, 2])), transform, detections);

        var detection = Assert.Single(detections);
        Assert.Equal(2, detection.ClassId);
        Assert.Equal(0.9f, detection.Score);
        Assert.Equal(870f, detection.X1, 0.01f);
        Assert.Equal(435f, detection.Y1, 0.01f);
        Assert.Equal(1050f, detection.X2, 0.01f);
        Assert.Equal(525f, detection.Y2, 0.01f);
    }

    [Fact]
    public void Boxes_reaching_outside_the_image_are_clipped_to_it()
    {
        float[] data = [5, 95, 20, 20, 0.9f];
        var detections = new List<Detection>();

        Postprocessor.Create(TestLayouts.Configure("yolov8", 1), new PostprocessOptions())
            .Process(new ModelOutputs(new OutputTensor(data, [1, 5, 1])), LetterboxTransform.Identity(100, 100), detections);

        Assert.Equal([new Detection(0f, 85f, 15f, 100f, 0.9f, 0)], detections);
    }

    [Fact]
    public void Yolov5_score_is_objectness_times_the_best_class_score()
    {
        float[] data =
        [
            50, 50, 10, 10, 0.9f, 0.2f, 0.5f,
            50, 50, 10, 10, 0.2f, 1f, 1f,
        ];
        var detections = new List<Detection>();

        Postprocessor.Create(TestLayouts.Configure("yolov5", 2), new PostprocessOptions())
            .Process(new ModelOutputs(new OutputTensor(data, [1, 2, 7])), LetterboxTransform.Identity(100, 100), detections);

        var detection = Assert.Single(detections);
        Assert.Equal(1, detection.ClassId);
        Assert.Equal(0.45f, detection.Score, 1e-6f);
    }

    [Fact]
    public void End2end_reads_only_the_valid_slots_highest_score_first_without_suppression()
    {
        float[] boxes = [0, 0, 10, 10, 0, 0, 10, 10, 50, 50, 60, 60];
        float[] scores = [0.5f, 0.8f, 0.99f];
        float[] classes = [3, 3, 1];
        float[] count = [2];
        var detections = new List<Detection>();

        Postprocessor.Create(TestLayouts.Configure("end2end", 4), new PostprocessOptions()).Process(
            new ModelOutputs(
                new OutputTensor(boxes, [1, 3, 4]),
                new OutputTensor(scores, [1, 3]),
                new OutputTensor(classes, [1, 3]),
                new OutputTensor(count, [1])),
            LetterboxTransform.Identity(100, 100),
            detections);

        Assert.Equal([new Detection(0, 0, 10, 10, 0.8f, 3), new Detection(0, 0, 10, 10, 0.5f, 3)], detections);
    }

    [Fact]
    public void Rejects_an_output_whose_shape_does_not_fit_the_layout()
    {
        var postprocessor = Postprocessor.Create(TestLayouts.Configure("yolov8", 80), new PostprocessOptions());

        var error = Assert.Throws<OutputShapeException>(
            () => postprocessor.Process(new ModelOutputs(new OutputTensor(new float[84], [1, 84])), LetterboxTransform.Identity(1, 1), []));

        Assert.Equal("Layout yolov8: output 0 has shape [1, 84], expected [1, 84, N].", error.Message);
    }

    [Fact]
    public void Rejects_data_shorter_than_its_shape()
    {
        var postprocessor = Postprocessor.Create(TestLayouts.Configure("yolov5", 80), new PostprocessOptions());

        var error = Assert.Throws<OutputShapeException>(
            () => postprocessor.Process(new ModelOutputs(new OutputTensor(new float[84], [1, 2, 85])), LetterboxTransform.Identity(1, 1), []));

        Assert.Equal("Layout yolov5: output 0 has shape [1, 2, 85] but holds 84 values.", error.Message);
    }

    [Fact]
    public void Rejects_the_wrong_number_of_tensors()
    {
        var postprocessor = Postprocessor.Create(TestLayouts.Configure("ssd", 3), new PostprocessOptions());

        var error = Assert.Throws<OutputShapeException>(
            () => postprocessor.Process(new ModelOutputs(new OutputTensor(new float[4], [1, 1, 4])), LetterboxTransform.Identity(1, 1), []));

        Assert.Equal("Layout ssd takes 2 output tensor(s), got 1.", error.Message);
    }
}
