using System.Security.Cryptography;

namespace Harness.Running;

/// <summary>SHA-256 of files as lower-case hex: the pins in scenarios and the identities in baselines.</summary>
internal static class ContentHash
{
    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Fails closed: a pinned input that changed is an error, never a silent re-baseline.</summary>
    public static void Verify(string path, string actual, string? pinned, string what)
    {
        if (pinned is not null && !string.Equals(pinned, actual, StringComparison.Ordinal))
        {
            throw new ScenarioInputException($"{what} '{path}' has sha256 {actual} but the scenario pins {pinned}; if the change is intended, update the pin");
        }
    }
}
