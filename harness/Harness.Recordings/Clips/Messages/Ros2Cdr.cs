namespace Harness.Clips.Messages;

/// <summary>Encapsulation headers of ROS 2 CDR payloads.</summary>
internal static class Ros2Cdr
{
    public static ReadOnlySpan<byte> LittleEndianHeader => [0x00, 0x01, 0x00, 0x00];
}
