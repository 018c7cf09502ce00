namespace Harness.Metrics.Tide;

/// <summary>The short names of the error types (TIDE's own, lower case) that metric names, the CLI and JSON use.</summary>
internal static class TideNames
{
    public const int Count = 8;

    private static readonly string[] Names = ["cls", "loc", "both", "dupe", "bkg", "miss", "fp", "fn"];

    public static IReadOnlyList<string> All => Names;

    public static IReadOnlyList<TideError> Errors { get; } = Enum.GetValues<TideError>();

    public static string Of(TideError error) => Names[(int)error];
}
