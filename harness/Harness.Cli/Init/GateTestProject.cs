namespace Harness.Cli.Init;

/// <summary>
/// The test project that makes the gate plain <c>dotnet test</c>: one class deriving from Harness.Testing's
/// <c>ScenarioGate</c>, and a solution listing it so <c>dotnet test</c> at the top of the repository finds it.
/// </summary>
internal static class GateTestProject
{
    public const string Folder = "tests/Gate.Tests";

    public const string Solution = "Gate.slnx";

    public static IEnumerable<ScaffoldFile> Files(bool withSolution)
    {
        yield return new ScaffoldFile($"{Folder}/Gate.Tests.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <IsPackable>false</IsPackable>
                <IsTestProject>true</IsTestProject>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Harness.Testing" Version="{TemplateVersions.Harness}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{TemplateVersions.TestSdk}" />
                <PackageReference Include="xunit" Version="{TemplateVersions.Xunit}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="{TemplateVersions.XunitRunner}" />
              </ItemGroup>
            </Project>

            """);
        yield return new ScaffoldFile($"{Folder}/GateTests.cs", """
            namespace Gate.Tests;

            /// <summary>
            /// Every scenario in scenarios/ is a test case (select with --filter Category=pr, nightly or canary); a failing
            /// case prints the gate table and leaves baselines/<id>.received.* to review and accept.
            /// </summary>
            public sealed class GateTests : Harness.Testing.ScenarioGate;

            """);
        if (withSolution)
        {
            yield return new ScaffoldFile(Solution, $"""
                <Solution>
                  <Project Path="{Folder}/Gate.Tests.csproj" />
                </Solution>

                """);
        }
    }
}
