using Harness.Metrics;
using Harness.Running;
using Harness.Scenarios;

namespace Harness.Tests.Scenarios;

/// <summary>The streaming section: read into the target's latency, validated with file:line, hashed only when present.</summary>
public sealed class StreamingLoadingTests
{
    private const string Template = """
        id: s
        tags: [nightly]
        clip:
          source: synthetic://urban-day?seed=7&frames=30&fps=30
        model:
          source: reference://detector-v1
          layout: yolov8
          input: { width: 640, height: 384 }
          classes: [car, pedestrian]
        """;

    private static string Scenario(params string[] lines) => Template + string.Concat(lines.Select(l => "\n" + l));

    private static IReadOnlyList<ValidationError> Errors(string yaml) =>
        Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(yaml, "s.yaml")).Errors;

    [Theory]
    [InlineData("45", 45_000_000)]
    [InlineData("12.5", 12_500_000)]
    [InlineData("0.000001", 1)]
    [InlineData("60000", 60_000_000_000)]
    public void The_latency_is_read_in_milliseconds_to_the_nanosecond(string latency, long nanoseconds)
    {
        var scenario = ScenarioLoader.Parse(Scenario($"streaming: {{ latency_ms: {latency} }}"), "s.yaml");

        Assert.Equal(new StreamingProfile(nanoseconds), scenario.Streaming);
    }

    [Fact]
    public void A_scenario_without_the_section_has_no_streaming_target()
    {
        Assert.Null(ScenarioLoader.Parse(Scenario(), "s.yaml").Streaming);
    }

    [Theory]
    [InlineData("streaming: { latency_ms: 0 }", "streaming.latency_ms", "must be greater than 0 (at least a nanosecond) and at most 60000, found 0")]
    [InlineData("streaming: { latency_ms: -45 }", "streaming.latency_ms", "must be greater than 0 (at least a nanosecond) and at most 60000, found -45")]
    [InlineData("streaming: { latency_ms: 60001 }", "streaming.latency_ms", "must be greater than 0 (at least a nanosecond) and at most 60000, found 60001")]
    [InlineData("streaming: { latency_ms: fast }", "streaming.latency_ms", "expected a number, found 'fast'")]
    [InlineData("streaming: { latency: 45 }", "streaming.latency", "unknown key (expected one of: latency_ms)")]
    public void A_bad_streaming_section_names_file_line_and_field(string line, string field, string message)
    {
        var error = Assert.Single(Errors(Scenario(line)), e => e.Field == field);

        Assert.Equal(("s.yaml", 10), (error.File, error.Line));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_section_without_a_latency_is_an_error()
    {
        var error = Assert.Single(Errors(Scenario("streaming: {}")));

        Assert.Equal(("streaming.latency_ms", 10), (error.Field, error.Line));
    }

    [Fact]
    public void A_gate_on_a_streaming_metric_needs_the_section()
    {
        string[] gate = ["gates:", "  - metric: streaming/AP50", "    max_drop: 0.01"];

        var error = Assert.Single(Errors(Scenario(gate)));
        var gated = ScenarioLoader.Parse(Scenario(["streaming: { latency_ms: 45 }", .. gate]), "s.yaml");

        Assert.Equal(("gates[0].metric", 11), (error.Field, error.Line));
        Assert.Equal("'streaming/AP50' is measured only on a target the scenario declares (streaming: { latency_ms: N })", error.Message);
        Assert.Equal("streaming/AP50", Assert.Single(gated.Gates).Metric);
    }

    [Fact]
    public void The_target_changes_the_settings_hash_only_when_declared()
    {
        var without = ScenarioLoader.Parse(Scenario(), "s.yaml");
        var at45 = ScenarioLoader.Parse(Scenario("streaming: { latency_ms: 45 }"), "s.yaml");
        var at50 = ScenarioLoader.Parse(Scenario("streaming: { latency_ms: 50 }"), "s.yaml");

        Assert.DoesNotContain("streaming", ScenarioSettings.CanonicalText(without), StringComparison.Ordinal);
        Assert.EndsWith("streaming.latency_ns=45000000\n", ScenarioSettings.CanonicalText(at45), StringComparison.Ordinal);
        Assert.Equal(3, new[] { without, at45, at50 }.Select(ScenarioSettings.Sha256).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_builder_takes_the_same_target_and_reports_the_same_problem()
    {
        var builder = new ScenarioBuilder("s").WithTags("nightly").WithClip("synthetic://urban-day").WithModel("reference://detector-v1")
            .WithLayout("yolov8").WithInput(640, 384).WithClasses("car");

        Assert.Equal(new StreamingProfile(45_000_000), builder.WithStreaming(45).Build().Streaming);
        var error = Assert.Single(Assert.Throws<ScenarioValidationException>(() => builder.WithStreaming(double.NaN).Build()).Errors);
        Assert.Equal("streaming.latency_ms", error.Field);
    }
}
