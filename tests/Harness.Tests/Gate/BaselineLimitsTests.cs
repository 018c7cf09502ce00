using System.Text;
using Harness.Gate;
using Harness.TestKit;

namespace Harness.Tests.Gate;

/// <summary>A verified baseline JSON of exactly 4 MiB is read; one byte more is refused, naming the file, before it is read.</summary>
public sealed class BaselineLimitsTests : IDisposable
{
    private const string Baseline = """
        {"clip_sha256": "c", "detections_sha256": "d", "frames": 2, "metrics": {"coco/AP": 0.41}, "model_sha256": "m", "scenario": "s"}
        """;

    private readonly TemporaryDirectory temp = new("baseline-limits-");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_baseline_of_exactly_4_MiB_is_read_and_one_byte_more_is_refused(int beyond)
    {
        var store = new BaselineStore(temp.Path);
        var path = store.VerifiedPath("s");
        var padding = new string(' ', BaselineStore.MaxJsonBytes + beyond - Baseline.Length);
        File.WriteAllText(path, Baseline + padding, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Assert.Equal(BaselineStore.MaxJsonBytes + beyond, new FileInfo(path).Length);

        if (beyond == 0)
        {
            Assert.Equal(0.41, store.ReadVerified("s")!.Metrics["coco/AP"]);
        }
        else
        {
            var error = Assert.Throws<BaselineFormatException>(() => store.ReadVerified("s"));
            Assert.Equal($"{path}: not a valid baseline file (4194305 bytes, more than the 4194304 a baseline can take)", error.Message);
        }
    }

    public void Dispose() => temp.Dispose();
}
