using System.Text.Json;
using Harness.Preprocessing;
using Harness.Postprocessing.Layouts;
using Harness.Running;
using Harness.Scenarios;
using Harness.Testing;

namespace Harness.Tests.Running;

public sealed class ScenarioSettingsTests
{
    private static readonly Scenario Base = new(
        "urban-day",
        "Daytime street",
        ["pr"],
        new ClipSpec("synthetic://urban-day?seed=7&frames=40", "c0ffee", "/camera/front", "/truth/front", "/lidar/top"),
        new ModelSpec("reference://detector-v1", "beef", OutputLayouts.Get("yolov8"), new InputSpec(640, 384, true, 1f / 255, [0, 0, 0], [1, 1, 1], false, 114), ClassMap.Identity(["car", "pedestrian", "cyclist"]), new SessionSpec(1, "all", true)),
        new PostprocessSpec(0.25f, 0.45f, 300, false),
        [new GateRule("coco/AP", 0.03, null, new Tolerance(0.005, false), RunKind.Always)],
        "scenarios/urban-day.yaml");

    [Fact]
    public void Hash_is_lower_case_hex_sha256_and_stable()
    {
        var hash = ScenarioSettings.Sha256(Base);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, ScenarioSettings.Sha256(Base with { }));
    }

    [Fact]
    public void Every_setting_that_can_change_the_detections_changes_the_hash()
    {
        var input = Base.Model.Input;
        Scenario[] changed =
        [
            Base with { Clip = Base.Clip with { Camera = "/camera/rear" } },
            Base with { Clip = Base.Clip with { Truth = "/truth/rear" } },
            WithModel(m => m with { Layout = OutputLayouts.Get("yolov5") }),
            WithInput(input with { Width = 320 }),
            WithInput(input with { Height = 192 }),
            WithInput(input with { Letterbox = false }),
            WithInput(input with { Scale = 1f }),
            WithInput(input with { Mean = [0, 0, 0.5f] }),
            WithInput(input with { Std = [1, 0.5f, 1] }),
            WithInput(input with { Bgr = true }),
            WithInput(input with { PadValue = 0 }),
            WithInput(input with { Placement = LetterboxPlacement.TopLeft }),
            WithModel(m => m with { Classes = ClassMap.Identity(["car", "cyclist", "pedestrian"]) }),
            WithModel(m => m with { Classes = ClassMap.Identity(["car", "pedestrian"]) }),
            WithModel(m => m with { Classes = ClassMap.Create(["car", "pedestrian", "cyclist"], [KeyValuePair.Create("vru", (IReadOnlyList<string>)["pedestrian", "cyclist"])], []) }),
            WithModel(m => m with { Classes = ClassMap.Create(["car", "pedestrian", "cyclist"], [KeyValuePair.Create("vru", (IReadOnlyList<string>)["pedestrian", "cyclist"])], [], ClassEvaluation.Mapped) }),
            WithModel(m => m with { Classes = ClassMap.Create(["car", "pedestrian", "cyclist"], [KeyValuePair.Create("vru", (IReadOnlyList<string>)["pedestrian", "cyclist", "Person_sitting"])], []) }),
            WithModel(m => m with { Classes = ClassMap.Create(["car", "pedestrian", "cyclist"], [], ["DontCare"]) }),
            Base with { Postprocess = Base.Postprocess with { ScoreThreshold = 0.3f } },
            Base with { Postprocess = Base.Postprocess with { IouThreshold = 0.5f } },
            Base with { Postprocess = Base.Postprocess with { MaxDetections = 100 } },
            Base with { Postprocess = Base.Postprocess with { ClassAgnostic = true } },
            WithModel(m => m with { Session = m.Session with { IntraOpThreads = 2 } }),
            WithModel(m => m with { Session = m.Session with { OptimizationLevel = "basic" } }),
            WithModel(m => m with { Session = m.Session with { Deterministic = false } }),
        ];

        var hashes = changed.Select(ScenarioSettings.Sha256).Prepend(ScenarioSettings.Sha256(Base)).ToList();

        Assert.Equal(hashes.Count, hashes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Scenario_without_class_map_or_ignore_keeps_the_text_it_had_before_class_maps()
    {
        var text = ScenarioSettings.CanonicalText(Base);

        Assert.DoesNotContain("class_map=", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ignore=", text, StringComparison.Ordinal);
        Assert.Contains(
            "class_map=7:vehicle=3:car+5:truck\nignore=8:DontCare\n",
            ScenarioSettings.CanonicalText(WithModel(m => m with { Classes = ClassMap.Create(["car", "truck"], [KeyValuePair.Create("vehicle", (IReadOnlyList<string>)["car", "truck"])], ["DontCare"]) })),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_is_in_the_text_only_when_mapped_so_scenarios_without_it_keep_their_hash()
    {
        IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> merges = [KeyValuePair.Create("vehicle", (IReadOnlyList<string>)["car", "truck"])];

        var all = ScenarioSettings.CanonicalText(WithModel(m => m with { Classes = ClassMap.Create(["car", "truck", "dog"], merges, []) }));
        var mapped = ScenarioSettings.CanonicalText(WithModel(m => m with { Classes = ClassMap.Create(["car", "truck", "dog"], merges, [], ClassEvaluation.Mapped) }));

        Assert.DoesNotContain("evaluate=", all, StringComparison.Ordinal);
        Assert.Equal(all.Replace("ignore=\n", "ignore=\nevaluate=6:Mapped\n", StringComparison.Ordinal), mapped);
    }

    [Fact]
    public void Id_description_tags_gates_and_file_do_not_change_the_hash()
    {
        Scenario[] same =
        [
            Base with { Id = "urban-day-copy" },
            Base with { Description = "another description" },
            Base with { Tags = ["nightly"] },
            Base with { Gates = [] },
            Base with { SourcePath = "elsewhere.yaml" },
            Base with { BaselineId = "other" },
        ];

        Assert.All(same, s => Assert.Equal(ScenarioSettings.Sha256(Base), ScenarioSettings.Sha256(s)));
    }

    [Fact]
    public void Canonical_text_is_invariant_and_values_cannot_run_into_each_other()
    {
        var text = ScenarioSettings.CanonicalText(Base);

        Assert.Contains("input.scale=0.003921569\n", text, StringComparison.Ordinal);
        Assert.Contains("classes=3:car,10:pedestrian,7:cyclist\n", text, StringComparison.Ordinal);
        Assert.NotEqual(
            ScenarioSettings.Sha256(WithModel(m => m with { Classes = ClassMap.Identity(["a,b"]) })),
            ScenarioSettings.Sha256(WithModel(m => m with { Classes = ClassMap.Identity(["a", "b"]) })));
    }

    [Fact]
    public void Default_placement_leaves_the_canonical_text_as_it_was_before_the_setting_existed()
    {
        var text = ScenarioSettings.CanonicalText(Base);

        Assert.DoesNotContain("placement", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Repository_scenarios_keep_the_settings_hash_of_their_verified_baseline()
    {
        var scenarios = ScenarioLoader.LoadDirectory(RepositoryPaths.Scenarios).Where(s => s.BaselineId is null).ToList();

        Assert.NotEmpty(scenarios);
        Assert.All(scenarios, scenario =>
        {
            using var baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Baselines, $"{scenario.Id}.verified.json")));
            Assert.Equal(baseline.RootElement.GetProperty("settings_sha256").GetString(), ScenarioSettings.Sha256(scenario));
        });
    }

    private static Scenario WithModel(Func<ModelSpec, ModelSpec> change) => Base with { Model = change(Base.Model) };

    private static Scenario WithInput(InputSpec input) => WithModel(m => m with { Input = input });
}
