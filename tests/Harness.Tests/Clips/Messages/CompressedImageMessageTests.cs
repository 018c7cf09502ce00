using Harness.Clips.Messages;

namespace Harness.Tests.Clips.Messages;

public sealed class CompressedImageMessageTests
{
    [Fact]
    public void Encodes_to_hand_computed_bytes_and_back()
    {
        var message = new CompressedImageMessage(2_000_000_000, "c", "png", new byte[] { 0x89, 0x50 });
        byte[] expected =
        [
            0x0A, 0x02, 0x08, 0x02,            // timestamp = 1 { seconds = 2 }
            0x12, 0x02, 0x89, 0x50,            // data = 2
            0x1A, 0x03, (byte)'p', (byte)'n', (byte)'g', // format = 3
            0x22, 0x01, (byte)'c',             // frame_id = 4
        ];

        Assert.Equal(expected, message.Encode());
        var decoded = CompressedImageMessage.Decode(expected);
        Assert.Equal(message with { Data = default }, decoded with { Data = default });
        Assert.Equal(new byte[] { 0x89, 0x50 }, decoded.Data.ToArray());
    }
}
