namespace Harness.Cli.Init;

/// <summary>The local tool manifest that pins this tool, so <c>dotnet tool restore</c> brings the same harness to every clone and CI.</summary>
internal static class ToolManifest
{
    public const string Path = ".config/dotnet-tools.json";

    /// <summary>Where the .NET SDK looks for a manifest at the top of a repository.</summary>
    public static readonly string[] Locations = [Path, "dotnet-tools.json"];

    public const string PackageId = "harness.cli";

    public static ScaffoldFile File() => new(Path, $$"""
        {
          "version": 1,
          "isRoot": true,
          "tools": {
            "{{PackageId}}": {
              "version": "{{TemplateVersions.Harness}}",
              "commands": [
                "harness"
              ],
              "rollForward": false
            }
          }
        }

        """);
}
