using System.Globalization;

namespace Harness.Results;

/// <summary>Shard <see cref="Index"/> (1-based) of <see cref="Count"/>: which part of a run's selected scenarios one machine runs.</summary>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>Parses <c>K/N</c> with 1 &lt;= K &lt;= N.</summary>
    /// <exception cref="FormatException">The text is not of that form; the message says what is wrong.</exception>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 ||
            !int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ||
            !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new FormatException($"--shard '{text}': expected K/N, e.g. 2/4 (shard K of N, K counted from 1)");
        }

        return count < 1 ? throw new FormatException($"--shard '{text}': the number of shards must be at least 1")
            : index < 1 || index > count ? throw new FormatException($"--shard '{text}': shard {index} does not exist, shards of {count} are 1 to {count}")
            : new ShardSpec(index, count);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
