using System.Text.Json;
using Harness.Postprocessing.Layouts;
using Harness.Scenarios;
using Harness.Testing;

namespace Harness.Tests.Scenarios;

/// <summary>The editor schema and the loader must accept exactly the same keys, or editors would mislead users.</summary>
public sealed class ScenarioSchemaTests
{
    private const string Minimal = """
        id: s
        tags: [pr]
        zzz_top: 1
        clip:
          source: synthetic://urban-day
          zzz_clip: 1
        model:
          source: reference://detector-v1
          layout: yolov8
          input: { width: 8, height: 8, zzz_input: 1 }
          classes: [car]
          session: { zzz_session: 1 }
          zzz_model: 1
        postprocess: { zzz_postprocess: 1 }
        streaming: { latency_ms: 45, zzz_streaming: 1 }
        gates:
          - metric: coco/AP
            min: 0.1
            zzz_gate: 1
        """;

    [Theory]
    [InlineData("zzz_top", "")]
    [InlineData("clip.zzz_clip", "clip")]
    [InlineData("model.zzz_model", "model")]
    [InlineData("model.input.zzz_input", "model.input")]
    [InlineData("model.session.zzz_session", "model.session")]
    [InlineData("postprocess.zzz_postprocess", "postprocess")]
    [InlineData("streaming.zzz_streaming", "streaming")]
    [InlineData("gates[0].zzz_gate", "gates[]")]
    public void Loader_and_schema_know_the_same_keys(string unknownField, string schemaPath)
    {
        var errors = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(Minimal, "s.yaml")).Errors;
        var message = Assert.Single(errors, e => e.Field == unknownField).Message;
        var loaderKeys = message[(message.IndexOf(':', StringComparison.Ordinal) + 1)..].TrimEnd(')').Split(',', StringSplitOptions.TrimEntries);

        Assert.Equal(SchemaKeys(schemaPath).Order(StringComparer.Ordinal), loaderKeys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Schema_offers_exactly_the_registered_layouts()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Scenarios, "scenario.schema.json")));
        var layouts = schema.RootElement.GetProperty("properties").GetProperty("model").GetProperty("properties").GetProperty("layout").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()!);

        Assert.Equal(OutputLayouts.Names.Order(StringComparer.Ordinal), layouts.Order(StringComparer.Ordinal));
    }

    private static List<string> SchemaKeys(string path)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Scenarios, "scenario.schema.json")));
        var node = schema.RootElement;
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = part.EndsWith("[]", StringComparison.Ordinal)
                ? node.GetProperty("properties").GetProperty(part[..^2]).GetProperty("items")
                : node.GetProperty("properties").GetProperty(part);
        }

        return node.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
    }
}
