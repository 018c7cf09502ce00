using Harness.Gate;
using Harness.Scenarios;
using Harness.Tests.Testing;

namespace Harness.Tests.Gate;

/// <summary>
/// <c>baselines/waivers.yaml</c> read for one scenario: the waivers in force that day, or one message per problem
/// naming the file, the line and the owner. The lines of <see cref="Valid"/> are fixed: the entry starts on line 2,
/// its metric is on line 3, its allowance on 4, owner 5, reason 6, expiry 7.
/// </summary>
public sealed class WaiverFileReaderTests
{
    private const string File = "/suite/baselines/waivers.yaml";

    private const string Valid = """
        waivers:
          - scenario: tiny
            metric: recall@0.5/pedestrian
            max_drop: 0.05
            owner: alice@example.com
            reason: "night retrain lands in #412"
            expires: 2027-01-31

        """;

    private static readonly DateOnly Before = new(2026, 12, 17);

    private static readonly Scenario Tiny = ScenarioLoader.Parse(ScenarioYaml.Create("tiny"), "/suite/scenarios/tiny.yaml");

    [Fact]
    public void A_waiver_in_force_is_read_with_its_days_left()
    {
        var waiver = Assert.Single(Read(Valid, Before));

        Assert.Equal(new Waiver("tiny", "recall@0.5/pedestrian", new Tolerance(0.05, false), "alice@example.com", "night retrain lands in #412", new DateOnly(2027, 1, 31), 45), waiver);
        Assert.Equal("-0.05", waiver.Allowed);
    }

    [Fact]
    public void A_percentage_allowance_is_relative_as_a_gate_s_is()
    {
        var waiver = Assert.Single(Read(Valid.Replace("max_drop: 0.05", "max_drop: 5%", StringComparison.Ordinal), Before));

        Assert.Equal((new Tolerance(0.05, true), "-5%"), (waiver.AllowedChange, waiver.Allowed));
    }

    [Fact]
    public void A_waiver_is_in_force_through_its_expiry_date_and_expired_the_day_after()
    {
        var lastDay = Assert.Single(Read(Valid, new DateOnly(2027, 1, 31)));

        var message = Problem(Valid, new DateOnly(2027, 2, 1));

        Assert.Equal(0, lastDay.DaysLeft);
        Assert.Equal($"{File}:7:14: waivers[0].expires: the waiver expired on 2027-01-31, 1 day ago: fix the regression, or renew the waiver with a new date and reason (owner: alice@example.com)", message);
    }

    [Theory]
    [InlineData("    expires: 2027-01-31\n", "    expires: 2027-01-31\n    approver: bob\n", ":8:5: waivers[0].approver: unknown key (expected one of: ")]
    [InlineData("    owner: alice@example.com\n", "", ":2:5: waivers[0].owner: is required")]
    [InlineData("    reason: \"night retrain lands in #412\"\n", "", ":2:5: waivers[0].reason: is required")]
    [InlineData("    expires: 2027-01-31\n", "", ":2:5: waivers[0].expires: is required")]
    [InlineData("2027-01-31", "31/01/2027", ":7:14: waivers[0].expires: expected a date such as 2027-01-31, found '31/01/2027'")]
    [InlineData("2027-01-31", "2027-02-30", ":7:14: waivers[0].expires: expected a date such as 2027-01-31, found '2027-02-30'")]
    [InlineData("scenario: tiny", "scenario: tiyn", ":2:15: waivers[0].scenario: no scenario has id 'tiyn' (expected one of: other, tiny)")]
    [InlineData("recall@0.5/pedestrian", "recall@0.5/truck", ":3:13: waivers[0].metric: unknown class 'truck' in 'recall@0.5/truck' (expected one of: car, pedestrian, cyclist)")]
    [InlineData("recall@0.5/pedestrian", "fp_per_frame", ":4:15: waivers[0].max_drop: 'fp_per_frame' is lower-is-better: use max_increase")]
    [InlineData("max_drop: 0.05", "max_drop: lots", ":4:15: waivers[0].max_drop: expected a non-negative number or percentage such as 0.01 or 20%, found 'lots'")]
    [InlineData("    max_drop: 0.05\n", "", ":2:5: waivers[0].max_drop: a waiver needs the change it allows: max_drop (a higher-is-better metric) or max_increase (lower-is-better)")]
    public void A_malformed_waiver_is_one_message_naming_file_line_and_owner(string from, string to, string expected)
    {
        var message = Assert.Single(Problems(Valid.Replace(from, to, StringComparison.Ordinal), Before)).ToString();

        Assert.StartsWith(File + expected, message, StringComparison.Ordinal);
        Assert.Equal(!from.StartsWith("    owner:", StringComparison.Ordinal), message.EndsWith(" (owner: alice@example.com)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_metric_waived_twice_for_one_scenario_names_both_lines()
    {
        var message = Problem(Valid + Valid["waivers:\n".Length..], Before);

        Assert.Equal($"{File}:9:13: waivers[1].metric: 'recall@0.5/pedestrian' is waived twice for 'tiny' (first at line 2) (owner: alice@example.com)", message);
    }

    [Fact]
    public void A_file_that_does_not_parse_names_its_line()
    {
        var message = Problem("waivers:\n  - scenario: [tiny\n", Before);

        Assert.StartsWith(File + ":3:", message, StringComparison.Ordinal);
        Assert.Contains("invalid YAML", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("waiver:\n  - scenario: tiny\n", ":1:1: waiver: unknown key (expected one of: waivers)")]
    [InlineData("waivers:\n  - tiny\n", ":2:5: waivers[0]: expected a mapping")]
    public void A_file_without_its_list_of_waivers_names_the_line(string yaml, string expected)
    {
        Assert.Contains(File + expected, Problem(yaml, Before), StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_naming_no_scenario_is_every_scenario_s_problem()
    {
        var message = Problem(Valid.Replace("  - scenario: tiny\n    metric", "  - metric", StringComparison.Ordinal), Before);

        Assert.Equal($"{File}:2:5: waivers[0].scenario: is required (owner: alice@example.com)", message);
    }

    [Fact]
    public void Another_scenario_s_entry_is_left_for_it_to_report()
    {
        var others = Valid.Replace("scenario: tiny", "scenario: other", StringComparison.Ordinal).Replace("    owner: alice@example.com\n", "", StringComparison.Ordinal);

        Assert.Empty(Read(others, new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void The_suite_s_ids_are_not_asked_for_when_every_entry_names_the_scenario_judged()
    {
        var waivers = WaiverFileReader.Read(Valid, File, Tiny, Before, () => throw new InvalidOperationException("not needed"));

        Assert.Single(waivers);
    }

    [Fact]
    public void Without_a_waiver_file_nothing_is_waived()
    {
        Assert.Empty(WaiverFileReader.ReadDirectory(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")), Tiny, Before, () => new HashSet<string>()));
    }

    private static IReadOnlyList<Waiver> Read(string yaml, DateOnly today) =>
        WaiverFileReader.Read(yaml, File, Tiny, today, () => new HashSet<string>(StringComparer.Ordinal) { "tiny", "other" });

    private static string Problem(string yaml, DateOnly today) =>
        Assert.Throws<ScenarioValidationException>(() => Read(yaml, today)).Message;

    private static IReadOnlyList<ValidationError> Problems(string yaml, DateOnly today) =>
        Assert.Throws<ScenarioValidationException>(() => Read(yaml, today)).Errors;
}
