namespace Harness.Cli.Init;

/// <summary>
/// The GitHub Actions workflow: every pull request runs the pull-request scenarios as tests. GitHub sets CI=true, so
/// a missing baseline fails and nothing is accepted there; the received baselines are uploaded to review.
/// </summary>
internal static class GateWorkflow
{
    public static ScaffoldFile File() => new(".github/workflows/gate.yml", $"""
        name: gate
        on:
          pull_request:
          push:
            branches: [main]
        jobs:
          gate:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-dotnet@v4
                with:
                  dotnet-version: 10.0.x
              - run: dotnet tool restore
              - name: Gate (one test case per pull-request scenario)
                run: dotnet test --filter Category=pr
              - name: Received baselines (download, review, then accept locally with `dotnet msbuild {GateTestProject.Folder} -t:AcceptBaselines`)
                if: failure()
                uses: actions/upload-artifact@v4
                with:
                  name: received-baselines
                  path: baselines/*.received.*
                  if-no-files-found: ignore

        """);
}
