using Harness.Clips;
using Harness.Metrics.Coco;
using Harness.Postprocessing;

namespace Harness.Metrics;

/// <summary>
/// The metric stage of the pipeline: fed frame by frame with truth and (already thresholded) detections and with
/// stage timings, it produces <see cref="ScenarioResult"/>. Memory grows with the number of boxes (COCO needs every
/// detection at the end) and four doubles of timing per frame, never with image pixels: frames are not retained.
/// </summary>
internal sealed class MetricsAccumulator
{
    private readonly IReadOnlyList<string> _classNames;
    private readonly CocoClipAccumulator _coco;
    private readonly OperatingPointAccumulator _operatingPoint;
    private readonly LatencyAccumulator _latency;
    private int _frames;

    /// <exception cref="ArgumentException">The class names are unusable in metric names (see <see cref="MetricsOptions"/>).</exception>
    public MetricsAccumulator(MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _classNames = [.. options.ClassNames];
        _coco = new CocoClipAccumulator(_classNames);
        _operatingPoint = new OperatingPointAccumulator(_classNames.Count);
        _latency = new LatencyAccumulator(options.LatencyWarmupFrames);
    }

    /// <summary>Adds one frame's truth (<see cref="Frame.Truth"/>) and detections.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A detection's class id is not an index into the class names.</exception>
    public void Add(Frame frame, IReadOnlyList<Detection> detections)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Add(frame.Truth, detections);
    }

    /// <inheritdoc cref="Add(Frame, IReadOnlyList{Detection})"/>
    public void Add(IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(detections);
        // Indexed loops: enumerating an IReadOnlyList allocates an enumerator, and this runs once per frame.
        for (var i = 0; i < detections.Count; i++)
        {
            var classId = detections[i].ClassId;
            if ((uint)classId >= (uint)_classNames.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(detections), classId,
                    $"Detection class id {classId} is outside the scenario's {_classNames.Count} classes.");
            }
        }

        _frames++;
        _coco.Add(truth, detections);
        _operatingPoint.Add(truth, detections);
    }

    /// <summary>Adds one frame's stage timings; the first <see cref="MetricsOptions.LatencyWarmupFrames"/> are discarded.</summary>
    public void AddLatency(StageTimings timings) => _latency.Add(timings);

    /// <summary>Runs the COCO evaluation over all frames so far and returns every defined metric.</summary>
    /// <param name="scenarioId">The scenario the frames came from; the hashes name what was replayed and what it detected.</param>
    public ScenarioResult Complete(string scenarioId, string clipSha256, string modelSha256, string detectionsSha256)
    {
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var curves = new SortedDictionary<string, CocoPrecisionCurve>(StringComparer.Ordinal);
        CocoClipAccumulator.Write(_coco.Evaluate(), _classNames, values, curves);
        _operatingPoint.Write(_classNames, values);
        _latency.Write(values);
        return new ScenarioResult(scenarioId, values, clipSha256, modelSha256, detectionsSha256, _frames) { PrecisionCurves = curves };
    }
}
