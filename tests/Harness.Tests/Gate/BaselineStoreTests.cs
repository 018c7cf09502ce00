using Harness.Gate;

namespace Harness.Tests.Gate;

public sealed class BaselineStoreTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("baselines-").FullName;

    [Fact]
    public void Received_round_trips_and_accept_promotes_it_to_verified()
    {
        var store = new BaselineStore(directory);
        var snapshot = new BaselineSnapshot("urban-day", "c1", "m1", "d1", 12, new Dictionary<string, double> { ["b"] = 0.25, ["a"] = 1.0 / 3 })
        {
            FrameDigests = [new("0a1b2c3d", 4)],
        };

        store.WriteReceived(snapshot);
        Assert.Equal(["urban-day"], store.PendingIds());
        Assert.True(store.Accept("urban-day"));

        var verified = store.ReadVerified("urban-day");
        Assert.NotNull(verified);
        Assert.True(verified.SameBehaviourAs(snapshot with { Metrics = new Dictionary<string, double> { ["a"] = 0.333333, ["b"] = 0.25 } }));
        Assert.Equal(snapshot.FrameDigests, verified.FrameDigests);
        Assert.False(File.Exists(store.ReceivedPath("urban-day")));
        Assert.False(store.Accept("urban-day"));
    }

    [Fact]
    public void Serialized_form_is_sorted_rounded_and_lf_only()
    {
        var snapshot = new BaselineSnapshot("s", "c", "m", "d", 3, new Dictionary<string, double> { ["z"] = 2.0 / 3, ["a"] = 12345.678912 })
        {
            FrameDigests = [new("0a1b2c3d", 4), new("ffffffff", 0)],
        };

        var json = BaselineStore.Serialize(snapshot);

        Assert.Equal(
            "{\n  \"clip_sha256\": \"c\",\n  \"detections_sha256\": \"d\",\n  \"frame_digests\": [\n    \"0a1b2c3d 4\",\n    \"ffffffff 0\"\n  ],\n  \"frames\": 3,\n  \"metrics\": {\n    \"a\": 12345.7,\n    \"z\": 0.666667\n  },\n  \"model_sha256\": \"m\",\n  \"scenario\": \"s\"\n}\n",
            json);
    }

    [Fact]
    public void Corrupt_verified_file_names_the_file()
    {
        var store = new BaselineStore(directory);
        File.WriteAllText(store.VerifiedPath("broken"), "{ \"scenario\": ");

        var error = Assert.Throws<BaselineFormatException>(() => store.ReadVerified("broken"));

        Assert.Contains("broken.verified.json", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
