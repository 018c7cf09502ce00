using System.Text;
using Harness.Scenarios;
using Harness.TestKit;

namespace Harness.Tests.Scenarios;

/// <summary>
/// The limits every suite YAML file is held to, each tested at the limit and one step beyond it: size (1 MiB),
/// nesting (64 levels), no aliases; and what stays allowed (a UTF-8 byte order mark, anchors without aliases).
/// </summary>
public sealed class YamlLimitsTests : IDisposable
{
    private const string Valid = """
        id: limits
        tags: [pr]
        clip:
          source: synthetic://urban-day?seed=7&frames=2
        model:
          source: reference://detector-v1
          layout: yolov8
          input: { width: 320, height: 192 }
          classes: [car, pedestrian, cyclist]

        """;

    private readonly TemporaryDirectory temp = new("yaml-limits-");

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void A_file_of_exactly_1_MiB_loads_and_one_byte_more_is_refused_before_it_is_read(int beyond, bool loads)
    {
        var padding = YamlDocuments.MaxFileBytes + beyond - Valid.Length - 2;
        var path = Write("limits.yaml", Encoding.UTF8.GetBytes(Valid + "#" + new string('x', padding) + "\n"));
        Assert.Equal(YamlDocuments.MaxFileBytes + beyond, new FileInfo(path).Length);

        if (loads)
        {
            Assert.Equal("limits", ScenarioLoader.LoadFile(path).Id);
        }
        else
        {
            var error = Assert.Single(Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.LoadFile(path)).Errors);
            Assert.Equal($"{path}:0:0: scenario file is 1048577 bytes, more than the 1048576 allowed (1 MiB); it is not a hand-written file", error.ToString());
        }
    }

    [Theory]
    [InlineData(63, false)]
    [InlineData(64, true)]
    public void Nesting_up_to_64_levels_parses_and_the_65th_is_refused(int sequences, bool refused)
    {
        // The top-level mapping is the first level, so 63 nested sequences reach exactly 64.
        var yaml = Valid + "x: " + new string('[', sequences) + new string(']', sequences) + "\n";

        var error = Assert.Single(Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(yaml, "deep.yaml")).Errors).ToString();

        if (refused)
        {
            Assert.Equal("deep.yaml:10:67: nested more than 64 levels deep", error);
        }
        else
        {
            Assert.StartsWith("deep.yaml:10:1: ", error, StringComparison.Ordinal);
            Assert.Contains("unknown key", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_alias_is_refused_at_its_line_even_when_its_expansion_would_be_harmless()
    {
        var yaml = Valid.Replace("tags: [pr]", "tags: &t [pr]\ndescription: *t", StringComparison.Ordinal);

        var error = Assert.Single(Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(yaml, "alias.yaml")).Errors);

        Assert.Equal("alias.yaml:3:14: alias '*t' is not allowed: write the value out (aliases can expand a short file into billions of nodes)", error.ToString());
    }

    [Fact]
    public void An_anchor_without_an_alias_and_a_byte_order_mark_are_fine()
    {
        var path = Write("bom.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid.Replace("tags: [pr]", "tags: &t [pr]", StringComparison.Ordinal))]);

        Assert.Equal(["pr"], ScenarioLoader.LoadFile(path).Tags);
    }

    [Fact]
    public void The_gate_defaults_file_is_held_to_the_same_limits()
    {
        Write(GateDefaults.FileName, Encoding.UTF8.GetBytes("min_support: &m 30\nstatistics: { blocks: *m }\n"));

        var error = Assert.Single(Assert.Throws<ScenarioValidationException>(() => GateDefaultsLoader.LoadDirectory(temp.Path)).Errors);

        Assert.Contains("defaults.yaml:2:23: alias '*m' is not allowed", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();

    private string Write(string name, byte[] bytes)
    {
        var path = temp.Combine(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
