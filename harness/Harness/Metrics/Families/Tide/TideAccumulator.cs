using Harness.Metrics.Coco;
using Harness.Metrics.Tide;

namespace Harness.Metrics.Families.Tide;

/// <summary>A run's frames classified one at a time (a few bytes kept per detection), the oracles run once at the end.</summary>
internal sealed class TideAccumulator(IReadOnlyList<string> classNames) : FamilyAccumulator
{
    private readonly TideFrames _frames = new(classNames.Count);

    public override void Add(IReadOnlyList<TruthBox> truth, IReadOnlyList<Detection> detections) => _frames.Add(truth, detections);

    public override void Write(IDictionary<string, double> values, IDictionary<string, CocoPrecisionCurve> curves)
    {
        var evaluation = _frames.Ledger.Evaluate();
        foreach (var error in TideNames.Errors)
        {
            if (evaluation.Pooled is { } pooled)
            {
                values[TideFamily.Name(error)] = pooled.LostTo(error);
            }

            for (var c = 0; c < classNames.Count; c++)
            {
                if (evaluation.Classes[c] is { } breakdown)
                {
                    values[MetricNames.PerClass(TideFamily.Name(error), classNames[c])] = breakdown.LostTo(error);
                }
            }
        }
    }
}
