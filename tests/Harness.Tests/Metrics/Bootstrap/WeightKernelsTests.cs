using Harness.Metrics.Bootstrap;

namespace Harness.Tests.Metrics.Bootstrap;

/// <summary>
/// These kernels use Vector&lt;T&gt; and TensorPrimitives, whose width the runtime picks (256 bits on AVX2 and AVX-512
/// x64, 128 on ARM64 and SSE-only x64): the build's Test target reruns them with AVX2 switched off for the 128-bit path.
/// </summary>
[Trait("Category", "simd")]
public sealed class WeightKernelsTests
{
    private static float[] Counts(Random random, int length, int max) => [.. Enumerable.Range(0, length).Select(_ => (float)random.Next(max))];

    [Fact]
    public void True_positive_kernel_matches_the_scalar_reference_bit_for_bit_at_every_length()
    {
        var random = new Random(17);
        for (var length = 0; length <= 256; length++)
        {
            var tp = Counts(random, length, 500);
            var fp = Counts(random, length, 5000);
            var notFp = Counts(random, length, 100);
            var counted = fp.Zip(notFp, (f, n) => f + n).ToArray();
            var weights = Counts(random, length, 4);
            var next = tp.Select(t => t + random.Next(-1, 300)).ToArray();
            if (length > 0 && random.Next(2) == 0)
            {
                next[random.Next(length)] = 0;
            }

            var best = Enumerable.Range(0, length).Select(_ => random.NextDouble() * 0.5).ToArray();
            var (tpVector, bestVector) = (tp.ToArray(), best.ToArray());
            var (tpScalar, bestScalar) = (tp.ToArray(), best.ToArray());

            var crossedVector = WeightKernels.AddTruePositive(tpVector, notFp, counted, weights, next, bestVector, vectorized: true);
            var crossedScalar = WeightKernels.AddTruePositive(tpScalar, notFp, counted, weights, next, bestScalar, vectorized: false);

            Assert.Equal(crossedScalar, crossedVector);
            Assert.Equal(tpScalar, tpVector);
            Assert.Equal(bestScalar, bestVector);
            Assert.Equal(length > 0 && tpScalar.Zip(next).Any(p => p.First >= p.Second), crossedScalar);
        }
    }

    [Fact]
    public void Add_and_multiply_add_match_the_scalar_reference_at_every_length()
    {
        var random = new Random(5);
        for (var length = 0; length <= 256; length++)
        {
            var counts = Counts(random, length, 10_000);
            var weights = Counts(random, length, 6);
            var (added, addedScalar) = (counts.ToArray(), counts.ToArray());
            var (scaled, scaledScalar) = (counts.ToArray(), counts.ToArray());

            WeightKernels.Add(added, weights, vectorized: true);
            WeightKernels.Add(addedScalar, weights, vectorized: false);
            WeightKernels.MultiplyAdd(scaled, weights, 37, vectorized: true);
            WeightKernels.MultiplyAdd(scaledScalar, weights, 37, vectorized: false);

            Assert.Equal(addedScalar, added);
            Assert.Equal(scaledScalar, scaled);
            Assert.Equal(counts.Zip(weights, (c, w) => c + (37 * w)), scaledScalar);
        }
    }

    [Fact]
    public void Precision_adds_epsilon_to_the_denominator_as_pycocotools_does()
    {
        Assert.Equal(1 / (1 + 2.220446049250313e-16), WeightKernels.Precision(1, 0));
        Assert.Equal(0.5, WeightKernels.Precision(2, 2));
    }
}
