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

    /// <summary>Every file's relative path and bytes, in ordinal path order, so a dataset folder has one identity.</summary>
    public static string OfDirectory(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(directory, file).Replace('\\', '/') + "\n"));
            using var stream = File.OpenRead(file);
            hash.AppendData(SHA256.HashData(stream));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
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
