using System.Text;
using Harness.Clips.Messages;

namespace Harness.Tests.Clips.Messages;

public sealed class TruthBoxesMessageTests
{
    private static readonly string[] Names = ["car", "pedestrian", "cyclist"];

    [Fact]
    public void Encodes_to_the_documented_json_with_class_names()
    {
        var message = new TruthBoxesMessage([new TruthBox(1, 10.5f, 20f, 30f, 40f, TrackId: 7, Occlusion: 0.25f), new TruthBox(-1, 0, 0, 1, 1, Ignore: true)], Names);

        Assert.Equal(
            """{"boxes":[{"class":"pedestrian","x":10.5,"y":20,"w":30,"h":40,"track_id":7,"occlusion":0.25,"ignore":false},{"x":0,"y":0,"w":1,"h":1,"track_id":-1,"occlusion":0,"ignore":true}]}""",
            Encoding.UTF8.GetString(message.Encode()));
    }

    [Fact]
    public void Decodes_hand_written_json_with_defaults_and_names_in_order_of_appearance()
    {
        var json = """{"boxes":[{"class":"cyclist","x":1,"y":2,"w":3,"h":4,"range_m":17.5,"ignore":true,"box3d":{"cx":1,"cy":2,"cz":3,"l":4,"w":5,"h":6,"yaw":0.5}},{"class":"car","x":0,"y":0,"w":1,"h":1},{"class":"cyclist","x":0,"y":0,"w":2,"h":2},{"x":5,"y":5,"w":1,"h":1,"ignore":true}]}"""u8.ToArray();

        var message = TruthBoxesMessage.Decode(json);

        Assert.Equal(["cyclist", "car"], message.ClassNames);
        Assert.Equal(new TruthBox(0, 1, 2, 3, 4, -1, 0f, 17.5f, true, new Box3D(1, 2, 3, 4, 5, 6, 0.5f)), message.Boxes[0]);
        Assert.Equal(new TruthBox(1, 0, 0, 1, 1), message.Boxes[1]);
        Assert.Equal(new TruthBox(0, 0, 0, 2, 2), message.Boxes[2]);
        Assert.Equal(new TruthBox(-1, 5, 5, 1, 1, Ignore: true), message.Boxes[3]);
    }

    [Fact]
    public void Round_trips_every_field()
    {
        var random = new Random(12);
        var boxes = Enumerable.Range(0, 50).Select(i => new TruthBox(
            i % 11 == 10 ? -1 : i % 3,
            (float)random.NextDouble() * 640,
            (float)random.NextDouble() * 480,
            (float)random.NextDouble() * 100,
            (float)random.NextDouble() * 100,
            i,
            (float)random.NextDouble(),
            i % 2 == 0 ? (float)random.NextDouble() * 80 : null,
            i % 7 == 0 || i % 11 == 10,
            i % 4 == 0 ? new Box3D(1.5f * i, -2f, 0.75f, 4.2f, 1.8f, 1.5f, (float)random.NextDouble()) : null)).ToList();

        var decoded = TruthBoxesMessage.Decode(new TruthBoxesMessage(boxes, Names).Encode());

        Assert.Equal(boxes, decoded.Boxes);
        Assert.Equal(Names, decoded.ClassNames);
    }

    [Fact]
    public void Rejects_box_without_coordinates()
    {
        var error = Assert.Throws<MessageFormatException>(() => TruthBoxesMessage.Decode("""{"boxes":[{"class":"car","x":1,"y":2,"w":3}]}"""u8.ToArray()));

        Assert.Contains("box 0 has no \"h\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_box_without_class_unless_it_is_an_ignore_region()
    {
        var error = Assert.Throws<MessageFormatException>(() => TruthBoxesMessage.Decode("""{"boxes":[{"x":1,"y":2,"w":3,"h":4,"ignore":false}]}"""u8.ToArray()));

        Assert.Contains("box 0 has no \"class\"", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new TruthBoxesMessage([new TruthBox(-1, 0, 0, 1, 1)], Names).Encode());
    }
}
