using System.Collections.Immutable;

namespace Harness.Running;

/// <summary>
/// The sources a host plugs into Core, keyed by URI scheme: registration is idempotent (the same scheme twice keeps
/// the first), thread-safe, and a source with an unregistered scheme is refused by name rather than read as a path.
/// </summary>
internal sealed class SourceRegistry<T>(Func<T, string> scheme)
    where T : class
{
    private ImmutableArray<T> entries = [];

    public void Register(T entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ImmutableInterlocked.Update(ref entries, list =>
            list.Any(existing => scheme(existing) == scheme(entry)) ? list : list.Add(entry));
    }

    /// <summary>The entry whose scheme starts <paramref name="source"/>; null for a plain path.</summary>
    /// <exception cref="ScenarioInputException">The source names a scheme nothing registered.</exception>
    public T? For(string source, string what, string registerHint)
    {
        foreach (var entry in entries)
        {
            if (source.StartsWith(scheme(entry), StringComparison.Ordinal))
            {
                return entry;
            }
        }

        var separator = source.IndexOf("://", StringComparison.Ordinal);
        return separator > 0 && source[..separator].All(char.IsAsciiLetterLower)
            ? throw new ScenarioInputException(
                $"{what} '{source}' uses the scheme '{source[..(separator + 3)]}', which no part of this harness provides "
                + $"(registered: {(entries.IsEmpty ? "none" : string.Join(", ", entries.Select(scheme)))}; {registerHint})")
            : null;
    }
}
