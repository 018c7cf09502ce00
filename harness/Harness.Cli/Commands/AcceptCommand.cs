using System.CommandLine;
using Harness.Gate;
using Harness.Reporting;
using Harness.Suite;

namespace Harness.Cli.Commands;

/// <summary><c>harness accept</c>: promote received snapshots to verified. Refused under CI, where nothing is accepted.</summary>
internal static class AcceptCommand
{
    public static Command Create()
    {
        var baselines = new Option<string>("--baselines") { Description = "Folder of verified baselines", DefaultValueFactory = _ => "baselines" };
        var ids = new Argument<string[]>("ids") { Description = "Scenario ids to accept (default: every pending one)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("accept", "Promote <id>.received.json and its detection snapshot to <id>.verified.*") { baselines, ids };
        command.SetAction(parse => Execute(new BaselineStore(parse.GetValue(baselines)!), parse.GetValue(ids) ?? []));
        return command;
    }

    private static int Execute(BaselineStore store, string[] ids)
    {
        if (SuiteOptions.CiFromEnvironment())
        {
            Console.Error.WriteLine("CI=true: baselines are never accepted in CI; run `./build.sh --target=AcceptBaselines` locally and commit the result");
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

        foreach (var id in wanted)
        {
            store.Accept(id);
            Console.WriteLine($"accepted {store.VerifiedPath(id)}");
        }

        return SuiteReport.ExitPass;
    }
}
