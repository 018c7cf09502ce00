namespace Harness.Postprocessing;

/// <summary>
/// A stable descending sort by score without a comparer or allocation: each key packs the score's bits, flipped
/// so that unsigned order is descending score order, above the candidate index, which breaks ties in input order.
/// </summary>
internal static class PackedScoreKeys
{
    public static void Sort(ReadOnlySpan<float> scores, Span<ulong> keys)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            keys[i] = ((ulong)~Ascending(scores[i]) << 32) | (uint)i;
        }

        keys[..scores.Length].Sort();
    }

    public static int IndexOf(ulong key) => (int)(uint)key;

    /// <summary>Maps a float to an unsigned integer with the same order (negative floats reversed, above them positives).</summary>
    private static uint Ascending(float score)
    {
        var bits = BitConverter.SingleToUInt32Bits(score);
        return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
    }
}
