using System.Reflection;
using Harness.Metrics;
using Harness.Metrics.Bootstrap;
using Harness.Metrics.Families;
using Harness.Scenarios;
using Harness.Testing;
using Harness.Tests.Metrics.Bootstrap;
using Harness.Tests.Testing;

namespace Harness.Tests.Metrics.Families;

/// <summary>
/// What registering a family promises: its names are its own, a quality family has a resample scorer, every family
/// has a reference test and a section in docs/metrics.md, and the gate's facts about a name (direction, range, timing,
/// the built-in ungated rules) come from the family that writes it.
/// </summary>
public sealed class MetricFamiliesTests
{
    private static readonly string[] Classes = ["car", "pedestrian"];

    public static TheoryData<string> Registered() => [.. MetricFamilies.All.Select(f => f.GetType().Name)];

    private static MetricFamily Family(string name) => MetricFamilies.All.Single(f => f.GetType().Name == name);

    [Theory]
    [MemberData(nameof(Registered))]
    public void Every_name_a_family_writes_is_claimed_by_it_and_passes_the_name_check(string name)
    {
        var family = Family(name);

        Assert.All(family.Names(Classes), metric =>
        {
            Assert.Same(family, MetricFamilies.Of(metric));
            Assert.Null(MetricNameCheck.Problem(metric, Classes));
            Assert.Equal(family.IsTiming, MetricNames.IsTiming(metric));
            Assert.Equal(family.HigherIsBetter(metric), MetricNames.HigherIsBetter(metric));
            Assert.Equal(family.Range(metric), MetricNames.Range(metric));
            Assert.False(string.IsNullOrWhiteSpace(family.Unit(metric)));
        });
    }

    [Fact]
    public void No_two_families_write_the_same_name()
    {
        var names = MetricFamilies.All.SelectMany(f => f.Names(Classes)).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Registered))]
    public void A_quality_family_brings_a_scorer_and_a_timing_family_none(string name)
    {
        var family = Family(name);
        var clip = BootstrapClip.Create(frames: 6, seed: 3, maxTruths: 3, maxFalsePositives: 2);
        var options = new BootstrapOptions(Resamples: 2, Seed: 1, BlockSeconds: 0.1, Units: ResamplingUnit.Frames);
        var units = PairedBootstrap.Units(BootstrapClip.Classes, clip.Truth, clip.TimestampsNs, [clip.Current], options);
        var input = ResampleInput.Create(BootstrapClip.Classes, clip.Truth, clip.Current, clip.TimestampsNs, units, UnitWeights.Draw(units, 2, 1), vectorized: true, streaming: null);

        var scorer = family.CreateScorer(input);

        Assert.Equal(family.IsTiming, scorer is null);
    }

    [Theory]
    [MemberData(nameof(Registered))]
    public void Every_family_has_a_reference_test(string name)
    {
        var type = Family(name).GetType();

        var tests = typeof(MetricFamiliesTests).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes<ReferenceTestOfAttribute>().Any(a => a.Family == type))
            .ToList();

        Assert.True(tests.Count > 0, $"{type.Name} has no test class marked [ReferenceTestOf(typeof({type.Name}))]");
    }

    [Theory]
    [MemberData(nameof(Registered))]
    public void Every_family_has_a_heading_in_the_metrics_docs_naming_its_roots(string name)
    {
        var headings = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "metrics.md")).Where(l => l.StartsWith('#')).ToList();

        Assert.All(Family(name).Roots, root =>
            Assert.True(headings.Any(h => h.Contains($"`{root}", StringComparison.Ordinal)), $"docs/metrics.md has no heading naming `{root}`"));
    }

    [Fact]
    public void The_built_in_ungated_rules_are_the_families_own_and_the_default_suite_keeps_them()
    {
        var declared = MetricFamilies.All.SelectMany(f => f.Ungated).Select(a => a.Prefix).Order(StringComparer.Ordinal);
        var suite = GateDefaultsLoader.LoadDirectory(RepositoryPaths.Scenarios);

        Assert.Equal(declared, GateDefaults.BuiltIn.Ungated.Select(r => r.Family));
        Assert.Equal(GateDefaults.BuiltIn.Ungated, suite.Ungated.OrderBy(r => r.Family, StringComparer.Ordinal));
    }

    [Fact]
    public void A_name_of_no_family_has_no_family_no_direction_change_and_no_range()
    {
        Assert.Null(MetricFamilies.Of("cocoo/AP"));
        Assert.True(MetricNames.HigherIsBetter("cocoo/AP"));
        Assert.Equal((double.NegativeInfinity, double.PositiveInfinity), MetricNames.Range("cocoo/AP"));
        Assert.False(MetricNames.IsTiming("cocoo/AP"));
        Assert.True(MetricNames.IsTiming(MetricNames.ReplaySeconds));
    }

    [Theory]
    [InlineData("fp_per_frame", false, 0, double.PositiveInfinity, "false positives per frame")]
    [InlineData("precision@0.5/car", true, 0, 1, "proportion")]
    [InlineData("recall@0.5/car/range:0-30m", true, 0, 1, "proportion")]
    [InlineData("coco/AP", true, 0, 1, "proportion")]
    [InlineData("matched_iou/car", true, 0.5, 1, "IoU")]
    [InlineData("tide/loc/car", false, 0, 1, "AP lost")]
    [InlineData("latency/total/p99_ms", false, 0, double.PositiveInfinity, "ms")]
    [InlineData("throughput/fps", true, 0, double.PositiveInfinity, "frames per second")]
    public void Each_family_says_which_way_is_better_what_values_its_metrics_take_and_their_unit(string metric, bool higherIsBetter, double min, double max, string unit)
    {
        var family = MetricFamilies.Of(metric)!;

        Assert.Equal((higherIsBetter, min, max, unit), (family.HigherIsBetter(metric), family.Range(metric).Min, family.Range(metric).Max, family.Unit(metric)));
    }

    [Theory]
    [InlineData("recall@0.5", typeof(OperatingPointFamily))]
    [InlineData("recall@0.5/car", typeof(OperatingPointFamily))]
    [InlineData("recall@0.5/car/range:0-30m", typeof(RecallSlicesFamily))]
    [InlineData("precision@0.5/car/range:0-30m", typeof(RecallSlicesFamily))]
    [InlineData("fp_per_frame/car/x", typeof(OperatingPointFamily))]
    [InlineData("latency/total/p99_ms", typeof(LatencyFamily))]
    public void Families_sharing_a_root_split_its_names_by_their_parts(string metric, Type family) =>
        Assert.IsType(family, MetricFamilies.Of(metric));
}
