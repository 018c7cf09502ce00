using System.CommandLine;
using Harness.Gate;
using Harness.Reporting;
using Harness.Suite;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness accept</c>: promote received snapshots to verified. Refused under CI, where nothing is accepted, and for
/// a baseline whose clip cannot resolve one of the gates judged against it: it would only make every later run an error.
/// </summary>
internal static class AcceptCommand
{
    public static Command Create()
    {
        var baselines = new Option<string>("--baselines") { Description = "Folder of verified baselines", DefaultValueFactory = _ => "baselines" };
        var scenarios = new Option<string>("--scenarios") { Description = "Folder of scenario YAML files whose gates the baselines must resolve", DefaultValueFactory = _ => "scenarios" };
        var ids = new Argument<string[]>("ids") { Description = "Scenario ids to accept (default: every pending one)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("accept", "Promote <id>.received.json and its detection snapshot to <id>.verified.*") { baselines, scenarios, ids };
        command.SetAction(parse => Execute(new BaselineStore(parse.GetValue(baselines)!), parse.GetValue(scenarios)!, parse.GetValue(ids) ?? []));
        return command;
    }

    private static int Execute(BaselineStore store, string scenariosDirectory, string[] ids)
    {
        if (SuiteOptions.CiFromEnvironment())
        {
            Console.Error.WriteLine("CI=true: baselines are never accepted in CI; run `dotnet harness accept` locally and commit the result");
            return SuiteReport.ExitInputError;
        }

        var pending = store.PendingIds();
        IReadOnlyList<string> wanted = ids.Length > 0 ? ids : pending;
        var missing = wanted.Except(pending, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            Console.Error.WriteLine($"nothing received to accept for: {string.Join(", ", missing)} (in {store.Directory})");
            return SuiteReport.ExitInputError;
        }

        if (wanted.Count == 0)
        {
            Console.WriteLine($"no received baselines in {store.Directory}: nothing to accept");
            return SuiteReport.ExitPass;
        }

        (IReadOnlyList<Scenarios.Scenario>, Scenarios.GateDefaults)? judges;
        try
        {
            judges = Judges(scenariosDirectory);
        }
        catch (Scenarios.ScenarioValidationException e)
        {
            Console.Error.WriteLine($"nothing accepted: the scenarios that judge against the baselines do not load: {e.Message}");
            return SuiteReport.ExitInputError;
        }

        var exit = SuiteReport.ExitPass;
        foreach (var id in wanted)
        {
            try
            {
                var unresolved = judges is null ? [] : Unresolved(judges.Value, BaselineStore.Read(store.ReceivedPath(id)));
                if (unresolved.Count > 0)
                {
                    Console.Error.WriteLine($"not accepted {store.ReceivedPath(id)}: gates its clip cannot resolve: {string.Join("; ", unresolved)}");
                    exit = SuiteReport.ExitInputError;
                    continue;
                }

                store.Accept(id);
                Console.WriteLine($"accepted {store.VerifiedPath(id)}");
            }
            catch (BaselineFormatException e)
            {
                Console.Error.WriteLine(e.Message);
                exit = SuiteReport.ExitInputError;
            }
        }

        return exit;
    }

    /// <summary>The scenarios and suite defaults that judge against the baselines, or null (said on stderr) when there is no scenario folder.</summary>
    private static (IReadOnlyList<Scenarios.Scenario> Scenarios, Scenarios.GateDefaults Defaults)? Judges(string directory)
    {
        if (!Directory.Exists(directory))
        {
            Console.Error.WriteLine($"warning: no scenario folder '{directory}': the gates the baselines must resolve are not checked (--scenarios names it)");
            return null;
        }

        return (Scenarios.ScenarioLoader.LoadEach(directory).Scenarios, Scenarios.GateDefaultsLoader.LoadDirectory(directory));
    }

    /// <summary>Every problem of every scenario judged against this baseline, in pull-request and nightly runs.</summary>
    private static List<string> Unresolved((IReadOnlyList<Scenarios.Scenario> Scenarios, Scenarios.GateDefaults Defaults) judges, BaselineSnapshot received) =>
        [.. judges.Scenarios.Where(s => s.EffectiveBaselineId == received.ScenarioId)
            .SelectMany(s => new[] { Scenarios.RunKind.PullRequest, Scenarios.RunKind.Nightly }
                .SelectMany(run => GateSuite.UnresolvedGates(s, received, judges.Defaults, run).Select(p => $"{s.Id}: {p}")))
            .Distinct()];
}
