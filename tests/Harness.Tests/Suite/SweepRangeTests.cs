using Harness.Suite;

namespace Harness.Tests.Suite;

public sealed class SweepRangeTests
{
    [Fact]
    public void The_documented_range_has_its_eleven_thresholds_exactly()
    {
        Assert.Equal([0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6], SweepRange.Parse("postprocess.score_threshold=0.1:0.6:0.05").Thresholds);
    }

    [Theory]
    [InlineData("postprocess.score_threshold=0.3:0.3:0.1", 1)]
    [InlineData("postprocess.score_threshold=0:0.796:0.004", 200)]
    [InlineData("postprocess.score_threshold=0.1:0.65:0.1", 6)]
    public void Count_at_the_boundaries(string text, int count)
    {
        Assert.Equal(count, SweepRange.Parse(text).Thresholds.Count);
    }

    [Theory]
    [InlineData("postprocess.iou_threshold=0.1:0.6:0.05", "only postprocess.score_threshold can be swept")]
    [InlineData("postprocess.score_threshold=0.1:0.6", "expected START:STOP:STEP")]
    [InlineData("postprocess.score_threshold=0.1:x:0.05", "expected START:STOP:STEP")]
    [InlineData("postprocess.score_threshold=0.6:0.1:0.05", "0 <= START <= STOP < 1 and STEP > 0")]
    [InlineData("postprocess.score_threshold=0.1:1:0.05", "0 <= START <= STOP < 1 and STEP > 0")]
    [InlineData("postprocess.score_threshold=-0.1:0.5:0.05", "0 <= START <= STOP < 1 and STEP > 0")]
    [InlineData("postprocess.score_threshold=0.1:0.5:0", "0 <= START <= STOP < 1 and STEP > 0")]
    [InlineData("postprocess.score_threshold=0:0.8:0.004", "201 thresholds, more than 200")]
    public void A_range_that_cannot_be_swept_is_refused_naming_the_rule(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => SweepRange.Parse(text));

        Assert.StartsWith($"--sweep {text}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
