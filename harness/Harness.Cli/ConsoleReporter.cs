using Harness.Reporting;
using Harness.Running;
using Harness.Scenarios;
using Harness.Suite;
using Spectre.Console;

namespace Harness.Cli;

/// <summary>
/// Per-scenario verdicts on the console: a live progress display (a line per running scenario, redrawn) and a
/// coloured table on a terminal; plain lines when output is redirected or CI=true (logs stay readable and diffable),
/// with progress as a few lines per scenario on <c>progressLog</c>, apart from the verdicts.
/// </summary>
internal sealed class ConsoleReporter(TextWriter plain, TextWriter progressLog) : IReporter
{
    private readonly bool rich = !Console.IsOutputRedirected && !SuiteOptions.CiFromEnvironment();
    private SuiteReport? deferred;
    private bool live;

    public string Name => "console";

    /// <summary>Progress arrives from every replaying scenario's thread when scenarios run in parallel.</summary>
    public T WithProgress<T>(Func<IProgress<FrameProgress>, T> run)
    {
        if (!rich)
        {
            return run(new PlainProgress(progressLog));
        }

        T? report = default;
        live = true;
        AnsiConsole.Progress().AutoClear(true).HideCompleted(true).Start(context =>
        {
            var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
            report = run(new SynchronousProgress(p =>
            {
                lock (tasks)
                {
                    if (!tasks.TryGetValue(p.ScenarioId, out var task))
                    {
                        task = tasks[p.ScenarioId] = context.AddTask(p.ScenarioId, maxValue: p.FramesTotal ?? 1);
                        task.IsIndeterminate = p.FramesTotal is null;
                    }

                    task.Value = p.FramesTotal is null ? 0 : p.FramesDone;
                    if (p.FramesTotal is null)
                    {
                        task.Description = $"{p.ScenarioId} ({p.FramesDone} frames)";
                    }
                }
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
                var color = VerdictTones.Of(scenario.Verdict) switch
                {
                    VerdictTone.Failure => "red",
                    VerdictTone.Warning or VerdictTone.Missing => "yellow",
                    VerdictTone.Improved => "blue",
                    _ => "green",
                };
                AnsiConsole.MarkupLine($"[{color}]{Markup.Escape(VerdictTable.Format(scenario.Verdict).TrimEnd())}[/]");
            }
            else
            {
                plain.Write(VerdictTable.Format(scenario.Verdict));
            }
        }

        var waivers = WaiverSummary.InForce(report);
        if (waivers.Count > 0)
        {
            plain.WriteLine($"waivers in force ({waivers.Count}):");
            foreach (var waiver in waivers)
            {
                plain.WriteLine("  " + WaiverSummary.Line(waiver));
            }
        }

        var failed = report.Scenarios.Count(s => s.Verdict.Failed);
        plain.WriteLine($"gate: {report.Scenarios.Count - failed} passed, {failed} failed ({report.Run.Name()} run{(report.IsCi ? ", CI" : "")})");
    }

    /// <summary>Progress reported on the replaying thread, so the display updates while the replay runs.</summary>
    private sealed class SynchronousProgress(Action<FrameProgress> handler) : IProgress<FrameProgress>
    {
        public void Report(FrameProgress value) => handler(value);
    }

    /// <summary>
    /// A line as a scenario starts and one as each quarter of its frames is done (every 500 frames when the clip does
    /// not say how many it has): every running scenario is seen to move, without a line per frame in a CI log.
    /// </summary>
    private sealed class PlainProgress(TextWriter log) : IProgress<FrameProgress>
    {
        private const int FramesPerLineWhenTotalUnknown = 500;
        private readonly Dictionary<string, int> lastStep = new(StringComparer.Ordinal);

        public void Report(FrameProgress value)
        {
            var step = value.FramesTotal is > 0 and var total ? (int)((long)value.FramesDone * 4 / total) : value.FramesDone / FramesPerLineWhenTotalUnknown;
            lock (lastStep)
            {
                if (lastStep.TryGetValue(value.ScenarioId, out var last) && last == step)
                {
                    return;
                }

                lastStep[value.ScenarioId] = step;
                log.WriteLine(value.FramesTotal is { } frames
                    ? $"{value.ScenarioId}: {value.FramesDone}/{frames} frames"
                    : $"{value.ScenarioId}: {value.FramesDone} frames");
            }
        }
    }
}
