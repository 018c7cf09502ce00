using Harness.Metrics.Coco;
using Harness.Metrics.Families;

namespace Harness.Metrics;

/// <summary>
/// The metric stage of the pipeline: fed frame by frame with truth and (already thresholded) detections and with
/// stage timings, it feeds every registered family's accumulator (<see cref="MetricFamilies"/>) and produces
/// <see cref="ScenarioResult"/>. Memory grows with the number of boxes (COCO needs every detection at the end) and four
/// doubles of timing per frame, never with image pixels: frames are not retained.
/// </summary>
internal sealed class MetricsAccumulator
{
    private readonly IReadOnlyList<string> _classNames;
    private readonly bool _streaming;
    private readonly FamilyAccumulator[] _families;
    private int _frames;

    /// <exception cref="ArgumentException">The class names are unusable in metric names (see <see cref="MetricsOptions"/>).</exception>
    public MetricsAccumulator(MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _classNames = [.. options.ClassNames];
        _streaming = options.Streaming is not null;
        _families = [.. MetricFamilies.All.Select(f => f.CreateAccumulator(options))];
    }

    /// <summary>Adds one frame's truth (<see cref="Frame.Truth"/>) and detections, at the time it was recorded.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A detection's class id is not an index into the class names.</exception>
    /// <exception cref="ArgumentException">With streaming metrics, the frame is not recorded after the one before it.</exception>
    public void Add(Frame frame, IReadOnlyList<Detection> detections)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Add(frame.TimestampNs, frame.Truth, detections);
    }

    /// <summary>Adds a frame without its time, which only metrics that do not pair frames by time can score.</summary>
    /// <exception cref="InvalidOperationException">The options declare streaming metrics, which need every frame's time.</exception>
    /// <inheritdoc cref="Add(Frame, IReadOnlyList{Detection})"/>
    public void Add(IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
    {
        if (_streaming)
        {
            throw new InvalidOperationException("Streaming metrics pair frames by time: add each frame with the time it was recorded.");
        }

        // No family reads the time without streaming metrics.
        Add(0, truth, detections);
    }

    /// <inheritdoc cref="Add(Frame, IReadOnlyList{Detection})"/>
    public void Add(long timestampNs, IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections)
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
        foreach (var family in _families)
        {
            family.Add(timestampNs, truth, detections);
        }
    }

    /// <summary>Adds one frame's stage timings; the first <see cref="MetricsOptions.LatencyWarmupFrames"/> are discarded.</summary>
    public void AddLatency(StageTimings timings)
    {
        foreach (var family in _families)
        {
            family.AddTimings(timings);
        }
    }

    /// <summary>Completes every family over all frames so far (the COCO evaluation runs here) and returns every defined metric.</summary>
    /// <param name="scenarioId">The scenario the frames came from; the hashes name what was replayed and what it detected.</param>
    public ScenarioResult Complete(string scenarioId, string clipSha256, string modelSha256, string detectionsSha256)
    {
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var curves = new SortedDictionary<string, CocoPrecisionCurve>(StringComparer.Ordinal);
        foreach (var family in _families)
        {
            family.Write(values, curves);
        }
        return new ScenarioResult(scenarioId, values, clipSha256, modelSha256, detectionsSha256, _frames) { PrecisionCurves = curves };
    }
}
