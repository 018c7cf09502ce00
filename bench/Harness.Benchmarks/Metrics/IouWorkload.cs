using Harness.Metrics.Coco;

namespace Harness.Benchmarks.Metrics;

/// <summary>The IoU matrices of every (image, category) pair, detections already grouped and sorted as columns.</summary>
internal sealed class IouWorkload
{
    private readonly List<(TruthBoxGeometry[] Truths, double[][] Columns)> _pairs;
    private readonly double[] _output;

    private IouWorkload(List<(TruthBoxGeometry[] Truths, double[][] Columns)> pairs, int maxDetections)
    {
        _pairs = pairs;
        _output = new double[maxDetections];
    }

    public static IouWorkload Create(CocoGroundTruth truth, CocoDetection[] detections)
    {
        var truths = truth.Annotations.ToLookup(a => (a.ImageId, a.CategoryId));
        var pairs = new List<(TruthBoxGeometry[], double[][])>();
        var max = 0;
        foreach (var group in detections.GroupBy(d => (d.ImageId, d.CategoryId)))
        {
            var sorted = group.OrderByDescending(d => d.Score).Take(100).ToArray();
            max = Math.Max(max, sorted.Length);
            double[][] columns =
            [
                sorted.Select(d => d.X).ToArray(),
                sorted.Select(d => d.Y).ToArray(),
                sorted.Select(d => d.Width + d.X).ToArray(),
                sorted.Select(d => d.Height + d.Y).ToArray(),
                sorted.Select(d => d.Width * d.Height).ToArray(),
            ];
            var boxes = truths[group.Key].Select(a => TruthBoxGeometry.FromXywh(a.X, a.Y, a.Width, a.Height, a.IsCrowd)).ToArray();
            pairs.Add((boxes, columns));
        }

        return new IouWorkload(pairs, max);
    }

    public double Run(bool vector)
    {
        var sum = 0.0;
        foreach (var (truths, c) in _pairs)
        {
            var rows = new DetectionRows(c[0], c[1], c[2], c[3], c[4]);
            var output = _output.AsSpan(0, c[0].Length);
            foreach (var truth in truths)
            {
                if (vector)
                {
                    BoxIou.Row(truth, rows, output);
                }
                else
                {
                    BoxIou.RowScalar(truth, rows, output);
                }

                sum += output.Length > 0 ? output[0] : 0;
            }
        }

        return sum;
    }
}
