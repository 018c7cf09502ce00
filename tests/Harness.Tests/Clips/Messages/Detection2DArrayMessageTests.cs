using System.Buffers.Binary;
using System.Text;
using Harness.Clips.Messages;

namespace Harness.Tests.Clips.Messages;

public sealed class Detection2DArrayMessageTests
{
    private static readonly Detection2DArrayMessage Sample = new(
        new Ros2Header(1, 2, ""),
        [new Detection2D([new ObjectHypothesis("pedestrian", 0.75)], 10.5, 20.25, 0, 4, 8, "7")]);

    /// <summary>
    /// The sample laid out by hand from the vision_msgs 4.x definitions; offsets count from the end of the 4-byte
    /// encapsulation header. "pedestrian" (11 bytes with its NUL) ends at 55, so the score pads to 56.
    /// </summary>
    private static byte[] SampleBytes()
    {
        var bytes = new byte[4 + 454];
        bytes[1] = 1;
        var body = bytes.AsSpan(4);
        BinaryPrimitives.WriteInt32LittleEndian(body[0..], 1);            // header.stamp.sec
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], 2);           // header.stamp.nanosec
        BinaryPrimitives.WriteUInt32LittleEndian(body[8..], 1);           // header.frame_id: "" is its NUL alone, at 12
        BinaryPrimitives.WriteUInt32LittleEndian(body[16..], 1);          // detections: one
        BinaryPrimitives.WriteInt32LittleEndian(body[20..], 1);           // detection header, the same stamp
        BinaryPrimitives.WriteUInt32LittleEndian(body[24..], 2);
        BinaryPrimitives.WriteUInt32LittleEndian(body[28..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(body[36..], 1);          // results: one
        BinaryPrimitives.WriteUInt32LittleEndian(body[40..], 11);         // hypothesis.class_id
        Encoding.ASCII.GetBytes("pedestrian").CopyTo(body[44..]);
        BinaryPrimitives.WriteDoubleLittleEndian(body[56..], 0.75);       // hypothesis.score
        BinaryPrimitives.WriteDoubleLittleEndian(body[(64 + (6 * 8))..], 1); // pose: position 0,0,0, orientation 0,0,0,1, covariance 0 (64..408)
        BinaryPrimitives.WriteDoubleLittleEndian(body[408..], 10.5);      // bbox.center.position.x
        BinaryPrimitives.WriteDoubleLittleEndian(body[416..], 20.25);     // bbox.center.position.y
        BinaryPrimitives.WriteDoubleLittleEndian(body[424..], 0);         // bbox.center.theta
        BinaryPrimitives.WriteDoubleLittleEndian(body[432..], 4);         // bbox.size_x
        BinaryPrimitives.WriteDoubleLittleEndian(body[440..], 8);         // bbox.size_y
        BinaryPrimitives.WriteUInt32LittleEndian(body[448..], 2);         // id "7"
        body[452] = (byte)'7';
        return bytes;
    }

    [Fact]
    public void Encodes_to_hand_laid_out_cdr()
    {
        Assert.Equal(SampleBytes(), Sample.Encode());
    }

    [Fact]
    public void Decodes_hand_laid_out_cdr()
    {
        var decoded = Detection2DArrayMessage.Decode(SampleBytes());

        Assert.Equal(Sample.Header, decoded.Header);
        var detection = Assert.Single(decoded.Detections);
        Assert.Equal(new ObjectHypothesis("pedestrian", 0.75), Assert.Single(detection.Results));
        Assert.Equal((10.5, 20.25, 0.0, 4.0, 8.0, "7"), (detection.CenterX, detection.CenterY, detection.Theta, detection.SizeX, detection.SizeY, detection.Id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Round_trips_any_number_of_detections_and_hypotheses(int count)
    {
        var detections = Enumerable.Range(0, count).Select(i => new Detection2D(
            [.. Enumerable.Range(0, i + 1).Select(h => new ObjectHypothesis(new string('c', h + i), h / 4.0))],
            i,
            i * 1.5,
            0,
            i + 2,
            i + 3,
            new string('9', i))).ToList();
        var message = new Detection2DArrayMessage(new Ros2Header(-3, 999_999_999, "camera_front"), detections);

        var decoded = Detection2DArrayMessage.Decode(message.Encode());

        Assert.Equal(message.Header, decoded.Header);
        Assert.Equal(count, decoded.Detections.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(detections[i].Results, decoded.Detections[i].Results);
            Assert.Equal(detections[i] with { Results = [] }, decoded.Detections[i] with { Results = [] });
        }
    }

    [Fact]
    public void Detection_count_past_the_end_is_an_error_not_an_allocation()
    {
        var bytes = SampleBytes();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 + 16), uint.MaxValue);

        var error = Assert.Throws<MessageFormatException>(() => Detection2DArrayMessage.Decode(bytes));

        Assert.Equal("vision_msgs/msg/Detection2DArray: a sequence of 4294967295 elements runs past the end at byte 24", error.Message);
    }
}
