using Harness.Gate;
using Harness.Reporting;
using Harness.Running;
using Harness.Scenarios;
using Spectre.Console;

namespace Harness.Cli;

/// <summary>
/// Per-scenario verdicts on the console: a live progress display and a coloured table on a terminal, plain lines
/// when output is redirected or CI=true (logs stay readable and diffable).
/// </summary>
internal sealed class ConsoleReporter(TextWriter plain) : IReporter
{
    private readonly bool rich = !Console.IsOutputRedirected && !GatePolicy.CiFromEnvironment();
    private SuiteReport? deferred;
    private bool live;

    public string Name => "console";

    public SuiteReport WithProgress(Func<IProgress<FrameProgress>, SuiteReport> run)
    {
        if (!rich)
        {
            return run(new SynchronousProgress(_ => { }));
        }

        SuiteReport? report = null;
        live = true;
        AnsiConsole.Progress().AutoClear(true).Start(context =>
        {
            var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
            report = run(new SynchronousProgress(p =>
            {
                if (!tasks.TryGetValue(p.ScenarioId, out var task))
                {
                    task = tasks[p.ScenarioId] = context.AddTask(p.ScenarioId, maxValue: p.FramesTotal ?? 1);
                }

                task.Value = p.FramesDone;
            }));
        });
        live = false;
        if (deferred is not null)
        {
            Print(deferred);
        }

        return report!;
    }

    /// <summary>Printing while the live progress display owns the terminal would be overwritten; wait for it to end.</summary>
    public void Export(SuiteReport report)
    {
        if (live)
        {
            deferred = report;
        }
        else
        {
            Print(report);
        }
    }

    private void Print(SuiteReport report)
    {
        foreach (var scenario in report.Scenarios)
        {
            if (rich)
            {
                var color = scenario.Verdict.Failed ? "red" : scenario.Verdict.Improved ? "blue" : "green";
                AnsiConsole.MarkupLine($"[{color}]{Markup.Escape(VerdictTable.Format(scenario.Verdict).TrimEnd())}[/]");
            }
            else
            {
                plain.Write(VerdictTable.Format(scenario.Verdict));
            }
        }

        var failed = report.Scenarios.Count(s => s.Verdict.Failed);
        plain.WriteLine($"gate: {report.Scenarios.Count - failed} passed, {failed} failed ({report.Run.Name()} run{(report.IsCi ? ", CI" : "")})");
    }

    /// <summary>Progress reported on the caller's thread, so the display updates while the replay runs.</summary>
    private sealed class SynchronousProgress(Action<FrameProgress> handler) : IProgress<FrameProgress>
    {
        public void Report(FrameProgress value) => handler(value);
    }
}
