using System.Text.Json;

namespace Harness.Metrics;

/// <summary>
/// A whole JSON input file read as a stream of tokens, every problem (missing or unreadable file, syntax error, early
/// end) reported through the caller's input exception, so each file format words its errors its own way while the
/// reading rules stay one. Callers pass a static lambda as the <see cref="ErrorFactory"/>: nothing is allocated per token.
/// </summary>
internal static class JsonFileTokens
{
    /// <summary>Builds the caller's exception for <c>path</c>: the problem, and the exception behind it if any.</summary>
    public delegate HarnessInputException ErrorFactory(string path, string problem, Exception? inner);

    public static byte[] ReadFile(string path, ErrorFactory error)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var problem = e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read the file ({e.Message})";
            throw error(path, problem, e);
        }
    }

    /// <summary>A reader past the UTF-8 byte order mark some editors write.</summary>
    public static Utf8JsonReader Reader(byte[] bytes) =>
        new(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes);

    /// <summary>The next token; the end of the file or a syntax error is the file's error.</summary>
    public static JsonTokenType Next(ref Utf8JsonReader reader, string path, ErrorFactory error)
    {
        try
        {
            return reader.Read() ? reader.TokenType : throw error(path, "invalid JSON: the file ends early", null);
        }
        catch (JsonException e)
        {
            throw Invalid(path, e, error);
        }
    }

    public static void Skip(ref Utf8JsonReader reader, string path, ErrorFactory error)
    {
        try
        {
            reader.Skip();
        }
        catch (JsonException e)
        {
            throw Invalid(path, e, error);
        }
    }

    private static HarnessInputException Invalid(string path, JsonException e, ErrorFactory error) =>
        error(path, $"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}", e);
}
