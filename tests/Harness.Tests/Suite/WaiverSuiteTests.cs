using System.Globalization;
using Harness.Gate;
using Harness.Reporting;
using Harness.Scenarios;
using Harness.Suite;

namespace Harness.Tests.Suite;

/// <summary>Waivers through a whole gate run: read beside the baselines on the suite's clock, judged, reported and enforced.</summary>
public sealed class WaiverSuiteTests(WaiverSuite suite) : IClassFixture<WaiverSuite>
{
    private const string Owner = "alice@example.com";
    private const string Reason = "degraded model kept for the canary, see #412";

    private static readonly DateOnly Expires = new(2027, 1, 31);

    [Fact]
    public void A_regression_within_its_waiver_exits_0_naming_owner_and_reason_and_one_step_beyond_it_fails()
    {
        WriteWaiver("street-degraded", "coco/AP50", "max_drop: 0.5");

        var waived = GateSuite.Run(suite.Options(On(2026, 12, 17), "street-degraded"), [new MarkdownReporter(suite.Report)]);

        var verdict = Assert.Single(waived.Scenarios).Verdict;
        var row = verdict.Metrics.Single(m => m.Metric == "coco/AP50");
        Assert.Equal(SuiteReport.ExitPass, waived.ExitCode);
        Assert.Equal(MetricOutcome.Waived, row.Outcome);
        Assert.True(verdict.Waived, VerdictTable.Format(verdict));
        Assert.Contains($"waived by {Owner} until 2027-01-31: {Reason}", VerdictTable.Format(verdict), StringComparison.Ordinal);
        Assert.Contains($"| street-degraded | `coco/AP50` | -0.5 | {Owner} | {Reason} | 2027-01-31 | 45 days left |", File.ReadAllText(Path.Combine(suite.Report, "summary.md")), StringComparison.Ordinal);

        // One unit of the stored sixth digit short of the drop: the point estimate lies beyond the waiver.
        var drop = -row.Change!.Value;
        WriteWaiver("street-degraded", "coco/AP50", "max_drop: " + (drop - 1e-5).ToString("0.######", CultureInfo.InvariantCulture));

        var beyond = GateSuite.Run(suite.Options(On(2026, 12, 17), "street-degraded"), []);

        Assert.Equal(SuiteReport.ExitRegression, beyond.ExitCode);
        var failed = Assert.Single(beyond.Scenarios).Verdict.Metrics.Single(m => m.Metric == "coco/AP50");
        Assert.Contains(failed.Outcome, new[] { MetricOutcome.Regressed, MetricOutcome.PossibleRegression });
        Assert.EndsWith($"(beyond the waiver of {Owner})", MetricFormat.Outcome(failed), StringComparison.Ordinal);
    }

    [Fact]
    public void A_waiver_is_in_force_on_its_expiry_date_and_fails_its_scenario_the_day_after_naming_file_line_and_owner()
    {
        WriteWaiver("tiny", "coco/AP", "max_drop: 0.1");

        var lastDay = GateSuite.Run(suite.Options(On(2027, 1, 31), "tiny"), []);
        var dayAfter = GateSuite.Run(suite.Options(On(2027, 2, 1), "tiny"), []);

        Assert.Null(lastDay.Scenarios[0].Verdict.Error);
        Assert.Equal(0, Assert.Single(lastDay.Scenarios[0].Verdict.Waivers).DaysLeft);
        var expired = dayAfter.Scenarios[0];
        Assert.Equal(SuiteReport.ExitInputError, dayAfter.ExitCode);
        Assert.Equal($"{suite.Waivers}:7:14: waivers[0].expires: the waiver expired on 2027-01-31, 1 day ago: fix the regression, or renew the waiver with a new date and reason (owner: {Owner})",
            expired.Verdict.Error);
        Assert.Null(expired.Result);
    }

    [Fact]
    public void A_waiver_file_that_does_not_parse_fails_every_scenario_before_any_replays()
    {
        File.WriteAllText(suite.Waivers, "waivers:\n  - scenario: [street\n");

        var report = GateSuite.Run(suite.Options(On(2026, 12, 17)), []);

        Assert.Equal(SuiteReport.ExitInputError, report.ExitCode);
        Assert.Equal(["street-degraded", "street", "tiny"], report.Scenarios.Select(s => s.Verdict.ScenarioId));
        Assert.All(report.Scenarios, s => Assert.StartsWith(suite.Waivers + ":3:", s.Verdict.Error, StringComparison.Ordinal));
        Assert.All(report.Scenarios, s => Assert.Null(s.Result));
    }

    [Fact]
    public void A_waiver_naming_no_scenario_of_the_suite_fails_every_scenario_and_another_s_problem_stays_its_own()
    {
        File.WriteAllText(suite.Waivers, Entry("stret", "coco/AP50", "max_drop: 0.5") + Entry("tiny", "coco/AP", "max_drop: 0.1").Replace("waivers:\n", "", StringComparison.Ordinal)
            .Replace("2027-01-31", "2020-01-31", StringComparison.Ordinal));

        var report = GateSuite.Run(suite.Options(On(2026, 12, 17), "street", "street-degraded"), []);

        Assert.All(report.Scenarios, s => Assert.Equal(
            $"{suite.Waivers}:2:15: waivers[0].scenario: no scenario has id 'stret' (expected one of: street, street-degraded, tiny) (owner: {Owner})", s.Verdict.Error));
    }

    [Fact]
    public void A_comparison_reads_no_waivers()
    {
        File.WriteAllText(suite.Waivers, "not: [a waiver file\n");
        var options = suite.Options(On(2026, 12, 17)) with { Candidate = new ScenarioVariant("reference://detector-v1-degraded", []) };

        var compared = GateSuite.RunOne(ScenarioLoader.LoadFile(Path.Combine(suite.Scenarios, "tiny.yaml")), options);

        Assert.Null(compared.Verdict.Error);
        Assert.Empty(compared.Verdict.Waivers);
    }

    private void WriteWaiver(string scenario, string metric, string allowance) => File.WriteAllText(suite.Waivers, Entry(scenario, metric, allowance));

    /// <summary>The entry starts on line 2 and its expiry is on line 7, as in <c>WaiverFileReaderTests</c>.</summary>
    private static string Entry(string scenario, string metric, string allowance) =>
        $"waivers:\n  - scenario: {scenario}\n    metric: {metric}\n    {allowance}\n    owner: {Owner}\n    reason: \"{Reason}\"\n    expires: {Expires:yyyy-MM-dd}\n";

    private static FixedClock On(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
