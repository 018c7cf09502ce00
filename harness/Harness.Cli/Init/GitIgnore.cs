namespace Harness.Cli.Init;

/// <summary>What a gated repository never commits: build output, the generated clip and model cache, reports and received baselines.</summary>
internal static class GitIgnore
{
    public static ScaffoldFile File() => new(".gitignore", """
        bin/
        obj/
        TestResults/
        # Generated clips and models, reports and the metric history (harness run).
        artifacts/
        # A run that differs from its verified baseline writes these; accept them with `dotnet harness accept`.
        *.received.*

        """);
}
