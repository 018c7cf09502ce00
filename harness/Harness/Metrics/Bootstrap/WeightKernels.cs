using System.Numerics;
using System.Numerics.Tensors;
using Harness.Metrics.Coco;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// The bootstrap's inner loops, over the resample lanes of one unit's weight row: a vector path (Vector&lt;T&gt;, so
/// 128, 256 or 512 bits as the hardware offers, with a scalar tail) and the plain scalar reference the tests compare
/// it with. Counts are floats holding integers (exact below 2^24, which the caller guarantees), so eight lanes fit a
/// 256-bit register and widen exactly to the doubles pycocotools divides.
/// </summary>
internal static class WeightKernels
{
    /// <summary>counts += weights (a false positive seen in every resample as often as its unit was drawn).</summary>
    public static void Add(Span<float> counts, ReadOnlySpan<float> weights, bool vectorized)
    {
        if (vectorized)
        {
            TensorPrimitives.Add(counts, weights, counts);
            return;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] += weights[i];
        }
    }

    /// <summary>product = a * b, lane by lane (a crossed cell's weights: its frame's times its track's).</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> product, bool vectorized)
    {
        if (vectorized)
        {
            TensorPrimitives.Multiply(a, b, product);
            return;
        }

        for (var i = 0; i < product.Length; i++)
        {
            product[i] = a[i] * b[i];
        }
    }

    /// <summary>counts += weights * count (a unit's count in every resample).</summary>
    public static void MultiplyAdd(Span<float> counts, ReadOnlySpan<float> weights, float count, bool vectorized)
    {
        if (vectorized)
        {
            TensorPrimitives.MultiplyAdd(weights, count, counts, counts);
            return;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] += weights[i] * count;
        }
    }

    /// <summary>
    /// A true positive in every resample: tp += weights, then the lane's best precision in its current recall bucket
    /// takes tp / (tp + fp + eps) with fp = counted - notFalsePositives, the precision after the last copy of the
    /// detection (the earlier copies have lower recall and lower precision, so the right-to-left envelope never needs
    /// them). Returns whether some lane's tp reached its next recall bucket, which the caller then moves.
    /// </summary>
    public static bool AddTruePositive(Span<float> truePositives, ReadOnlySpan<float> notFalsePositives, ReadOnlySpan<float> counted,
        ReadOnlySpan<float> weights, ReadOnlySpan<float> nextBucketAt, Span<double> bestInBucket, bool vectorized)
    {
        var lanes = truePositives.Length;
        var crossed = false;
        var i = 0;
        if (vectorized && Vector.IsHardwareAccelerated)
        {
            var epsilon = new Vector<double>(CocoParameters.Epsilon);
            var half = Vector<double>.Count;
            for (; i <= lanes - Vector<float>.Count; i += Vector<float>.Count)
            {
                var tp = new Vector<float>(truePositives[i..]) + new Vector<float>(weights[i..]);
                tp.CopyTo(truePositives[i..]);
                crossed |= Vector.GreaterThanOrEqualAny(tp, new Vector<float>(nextBucketAt[i..]));
                Vector.Widen(tp, out var tpLow, out var tpHigh);
                Vector.Widen(tp + (new Vector<float>(counted[i..]) - new Vector<float>(notFalsePositives[i..])), out var sumLow, out var sumHigh);
                var best = bestInBucket[i..];
                Vector.Max(new Vector<double>(best), tpLow / (sumLow + epsilon)).CopyTo(best);
                Vector.Max(new Vector<double>(best[half..]), tpHigh / (sumHigh + epsilon)).CopyTo(best[half..]);
            }
        }

        for (; i < lanes; i++)
        {
            var tp = truePositives[i] + weights[i];
            truePositives[i] = tp;
            crossed |= tp >= nextBucketAt[i];
            bestInBucket[i] = Math.Max(bestInBucket[i], Precision(tp, counted[i] - notFalsePositives[i]));
        }

        return crossed;
    }

    /// <summary>pycocotools' tp / (fp + tp + eps), with the same double operations.</summary>
    public static double Precision(float truePositives, float falsePositives) =>
        truePositives / ((double)(truePositives + falsePositives) + CocoParameters.Epsilon);
}
