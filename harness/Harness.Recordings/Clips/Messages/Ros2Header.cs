namespace Harness.Clips.Messages;

/// <summary>
/// std_msgs/msg/Header in CDR: builtin_interfaces/Time stamp (int32 sec, uint32 nanosec), then string frame_id.
/// Every stamped ROS 2 message a bag carries opens with it.
/// </summary>
internal readonly record struct Ros2Header(int Sec, uint Nanosec, string FrameId)
{
    /// <summary>The std_msgs/Header dependency block of a ros2msg schema text.</summary>
    public const string Definition = "builtin_interfaces/Time stamp\nstring frame_id\n";

    public const string TimeDefinition = "int32 sec\nuint32 nanosec\n";

    public long TimestampNs => (Sec * 1_000_000_000L) + Nanosec;

    public static Ros2Header FromTimestamp(long timestampNs, string frameId)
    {
        var (sec, nanosec) = Math.DivRem(timestampNs, 1_000_000_000L);
        if (nanosec < 0)
        {
            sec--;
            nanosec += 1_000_000_000L;
        }

        return new Ros2Header(checked((int)sec), (uint)nanosec, frameId);
    }

    public static Ros2Header Read(ref CdrReader reader)
    {
        var sec = reader.I32();
        var nanosec = reader.U32();
        return new Ros2Header(sec, nanosec, reader.String());
    }

    public void Write(CdrWriter writer)
    {
        writer.I32(Sec);
        writer.U32(Nanosec);
        writer.String(FrameId);
    }
}
