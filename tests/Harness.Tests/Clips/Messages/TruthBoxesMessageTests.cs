using System.Text;
using Harness.Clips;
using Harness.Clips.Messages;

namespace Harness.Tests.Clips.Messages;

public sealed class TruthBoxesMessageTests
{
    [Fact]
    public void Encodes_to_the_documented_json()
    {
        var message = new TruthBoxesMessage([new TruthBox(1, 10.5f, 20f, 30f, 40f, TrackId: 7, Occlusion: 0.25f)]);

        Assert.Equal(
            """{"boxes":[{"class_id":1,"x":10.5,"y":20,"w":30,"h":40,"track_id":7,"occlusion":0.25,"ignore":false}]}""",
            Encoding.UTF8.GetString(message.Encode()));
    }

    [Fact]
    public void Decodes_hand_written_json_with_defaults()
    {
        var json = """{"boxes":[{"class_id":2,"x":1,"y":2,"w":3,"h":4,"range_m":17.5,"ignore":true,"box3d":{"cx":1,"cy":2,"cz":3,"l":4,"w":5,"h":6,"yaw":0.5}},{"class_id":0,"x":0,"y":0,"w":1,"h":1}]}"""u8.ToArray();

        var boxes = TruthBoxesMessage.Decode(json).Boxes;

        Assert.Equal(new TruthBox(2, 1, 2, 3, 4, -1, 0f, 17.5f, true, new Box3D(1, 2, 3, 4, 5, 6, 0.5f)), boxes[0]);
        Assert.Equal(new TruthBox(0, 0, 0, 1, 1), boxes[1]);
    }

    [Fact]
    public void Round_trips_every_field()
    {
        var random = new Random(12);
        var boxes = Enumerable.Range(0, 50).Select(i => new TruthBox(
            i % 3,
            (float)random.NextDouble() * 640,
            (float)random.NextDouble() * 480,
            (float)random.NextDouble() * 100,
            (float)random.NextDouble() * 100,
            i,
            (float)random.NextDouble(),
            i % 2 == 0 ? (float)random.NextDouble() * 80 : null,
            i % 7 == 0,
            i % 4 == 0 ? new Box3D(1.5f * i, -2f, 0.75f, 4.2f, 1.8f, 1.5f, (float)random.NextDouble()) : null)).ToList();

        var decoded = TruthBoxesMessage.Decode(new TruthBoxesMessage(boxes).Encode()).Boxes;

        Assert.Equal(boxes, decoded);
    }

    [Fact]
    public void Rejects_box_without_coordinates()
    {
        var error = Assert.Throws<MessageFormatException>(() => TruthBoxesMessage.Decode("""{"boxes":[{"class_id":1,"x":1,"y":2,"w":3}]}"""u8.ToArray()));

        Assert.Contains("box 0 has no \"h\"", error.Message, StringComparison.Ordinal);
    }
}
