using System.Buffers.Binary;
using System.Text;

namespace Harness.Clips.Mcap;

/// <summary>The header record: the profile (e.g. "ros2") and the writing library.</summary>
internal sealed record McapHeader(string Profile, string Library)
{
    /// <summary>
    /// The profile from a file's first bytes (magic, then the header record: opcode 0x01, uint64 length, profile as
    /// uint32 length + UTF-8), without opening the file as a whole; false when the bytes are not an MCAP start.
    /// </summary>
    internal static bool TryReadProfile(ReadOnlySpan<byte> start, out string profile)
    {
        profile = "";
        const int profileAt = McapMagic.Length + 1 + 8;
        if (start.Length < profileAt + 4 || !start.StartsWith(McapMagic.Bytes) || start[McapMagic.Length] != (byte)McapOpcode.Header)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(start[profileAt..]);
        if (length > start.Length - profileAt - 4)
        {
            return false;
        }

        profile = Encoding.UTF8.GetString(start.Slice(profileAt + 4, (int)length));
        return true;
    }
}
