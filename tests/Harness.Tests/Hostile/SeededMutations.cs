namespace Harness.Tests.Hostile;

/// <summary>
/// Deterministic mutations of a corpus, the kinds a fuzzer starts with: flipped bits, bytes set to boundary values
/// (0, 0x7F, 0x80, 0xFF), truncations, a span of one input spliced into another, and a span repeated.
/// </summary>
internal static class SeededMutations
{
    private static readonly byte[] Boundaries = [0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF];

    public static IEnumerable<byte[]> Of(IReadOnlyList<byte[]> corpus, int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var input = corpus[random.Next(corpus.Count)];
            yield return input.Length == 0 ? [] : Mutate(input, corpus[random.Next(corpus.Count)], random);
        }
    }

    private static byte[] Mutate(byte[] input, byte[] other, Random random)
    {
        var copy = input.ToArray();
        switch (random.Next(5))
        {
            case 0:
                for (var flips = 1 + random.Next(4); flips > 0; flips--)
                {
                    copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                }

                return copy;
            case 1:
                copy[random.Next(copy.Length)] = Boundaries[random.Next(Boundaries.Length)];
                return copy;
            case 2:
                return copy[..random.Next(copy.Length)];
            case 3:
                var at = random.Next(copy.Length);
                var from = other.Length == 0 ? 0 : random.Next(other.Length);
                return [.. copy[..at], .. other[from..], .. copy[at..]];
            default:
                var start = random.Next(copy.Length);
                var length = random.Next(1, Math.Min(64, copy.Length - start) + 1);
                return [.. copy[..(start + length)], .. copy[start..]];
        }
    }
}
