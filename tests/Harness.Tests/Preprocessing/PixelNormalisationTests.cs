using Harness.Preprocessing;
using Harness.Simd;

namespace Harness.Tests.Preprocessing;

/// <summary>
/// The exporters' float32 arithmetic: a scale that is a whole number's reciprocal divides by that number (x / 255, not
/// x * 0.003921569), any other scale multiplies, 1 leaves the value; then (x - mean) / std. Every vector width gives
/// the scalar value bit for bit.
/// </summary>
public sealed class PixelNormalisationTests
{
    [Theory]
    [InlineData(1f / 255, 255f)]
    [InlineData(0.00392156862f, 255f)]
    [InlineData(0.5f, 2f)]
    [InlineData(1f, 0f)]
    [InlineData(0.3f, 0f)]
    [InlineData(2f, 0f)]
    public void A_scale_stands_for_a_divisor_only_when_its_reciprocal_is_a_whole_number_of_at_least_two(float scale, float divisor) =>
        Assert.Equal(divisor, PixelNormalisation.DivisorOf(scale));

    [Fact]
    public void One_over_255_divides_where_a_multiplication_would_round_differently()
    {
        var normalisation = new PixelNormalisation(1f / 255, 0f, 1f);

        // Some 8-bit values times the rounded reciprocal land one float32 step away from the quotient numpy's
        // im / 255 computes; the normalisation gives the quotient for every value.
        var levels = Enumerable.Range(0, 256).ToList();
        Assert.Contains(levels, v => v * (1f / 255) != v / 255f);
        Assert.All(levels, v => Assert.Equal(v / 255f, normalisation.Normalise(v)));
    }

    [Fact]
    public void Mean_is_subtracted_after_scaling_and_std_divides_last()
    {
        Assert.Equal(((128f / 255f) - 0.485f) / 0.229f, new PixelNormalisation(1f / 255, 0.485f, 0.229f).Normalise(128));
        Assert.Equal((128f - 10f) / 2f, new PixelNormalisation(1f, 10f, 2f).Normalise(128));
        Assert.Equal(((128f * 0.3f) - 1f) / 4f, new PixelNormalisation(0.3f, 1f, 4f).Normalise(128));
        Assert.Equal(128f / 2f, new PixelNormalisation(0.5f, 0f, 1f).Normalise(128));
    }

    [Theory]
    [InlineData(1f / 255, 0.485f, 0.229f)]
    [InlineData(1f, 0f, 1f)]
    [InlineData(0.3f, 1f, 4f)]
    [InlineData(0.5f, 3f, 7f)]
    public void Every_vector_width_writes_the_scalar_values(float scale, float mean, float std)
    {
        var normalisation = new PixelNormalisation(scale, mean, std);
        var values = Enumerable.Range(0, 300).Select(i => i % 256).ToArray();
        var expected = values.Select(v => normalisation.Normalise(v)).ToArray();
        foreach (var bits in VectorWidth.Supported)
        {
            using var forced = VectorWidth.Force(bits);
            var actual = new float[values.Length];

            normalisation.Write(values, actual);

            Assert.Equal(expected, actual);
        }
    }
}
