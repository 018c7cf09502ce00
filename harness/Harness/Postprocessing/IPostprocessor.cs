using Harness.Postprocessing.Layouts;
using Harness.Preprocessing;

namespace Harness.Postprocessing;

/// <summary>Turns one inference's raw outputs into detections in source-image pixels.</summary>
internal interface IPostprocessor
{
    LayoutConfig Layout { get; }

    PostprocessOptions Options { get; }

    /// <summary>
    /// Clears <paramref name="detections"/> and fills it with at most <see cref="PostprocessOptions.MaxDetections"/>
    /// detections, highest score first, boxes mapped through <paramref name="transform"/> and clipped to the image; a box
    /// the clip leaves without width or height is dropped before NMS (<see cref="DetectionWriter.KeepsArea"/>).
    /// </summary>
    /// <exception cref="OutputShapeException">The outputs do not match <see cref="Layout"/>.</exception>
    void Process(ModelOutputs outputs, LetterboxTransform transform, List<Detection> detections);
}
