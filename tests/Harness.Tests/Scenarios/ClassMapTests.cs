namespace Harness.Tests.Scenarios;

public sealed class ClassMapTests
{
    [Fact]
    public void Identity_evaluates_every_model_class_as_itself_in_model_order()
    {
        var map = ClassMap.Identity(["car", "pedestrian", "cyclist"]);

        Assert.True(map.IsIdentity);
        Assert.Equal(["car", "pedestrian", "cyclist"], map.EvaluationClasses);
        Assert.Equal([0, 1, 2], Enumerable.Range(0, 3).Select(map.EvaluationClassOfModelClass));
        Assert.True(map.TryGetTruthClass("Cyclist", out var cyclist));
        Assert.Equal(2, cyclist);
        Assert.False(map.TryGetTruthClass("tram", out _));
    }

    [Fact]
    public void Many_to_one_keeps_the_order_in_which_model_classes_first_reach_each_evaluation_class()
    {
        var map = ClassMap.Create(
            ["person", "car", "bicycle", "truck", "bus", "dog"],
            [Merge("vehicle", "car", "truck", "bus", "Van"), Merge("pedestrian", "person")],
            ["dog", "DontCare"]);

        Assert.False(map.IsIdentity);
        Assert.Equal(["pedestrian", "vehicle", "bicycle"], map.EvaluationClasses);
        Assert.Equal([0, 1, 2, 1, 1, ClassMap.IgnoreRegion], Enumerable.Range(0, 6).Select(map.EvaluationClassOfModelClass));
        Assert.Equal(
            [(true, 1), (true, 0), (true, 0), (true, 2), (true, ClassMap.IgnoreRegion), (true, ClassMap.IgnoreRegion), (false, 0)],
            new[] { "van", "Pedestrian", "person", "bicycle", "DontCare", "dog", "Misc" }.Select(label => (map.TryGetTruthClass(label, out var id), id)));
    }

    [Fact]
    public void Mapped_evaluates_the_class_map_keys_alone_and_leaves_out_truth_that_reaches_none()
    {
        var map = ClassMap.Create(
            ["person", "bicycle", "car", "truck", "dog"],
            [Merge("pedestrian", "person"), Merge("car", "car")],
            ["DontCare"],
            ClassEvaluation.Mapped);

        Assert.Equal(ClassEvaluation.Mapped, map.Evaluate);
        Assert.Equal(["pedestrian", "car"], map.EvaluationClasses);
        Assert.Equal([0, ClassMap.IgnoreRegion, 1, ClassMap.IgnoreRegion, ClassMap.IgnoreRegion], Enumerable.Range(0, 5).Select(map.EvaluationClassOfModelClass));
        string[] labels = ["Car", "Pedestrian", "person", "DontCare", "Truck", "bicycle", "Tram"];
        Assert.Equal(
            [(true, 1, false), (true, 0, false), (true, 0, false), (true, ClassMap.IgnoreRegion, false), (false, 0, true), (false, 0, true), (false, 0, true)],
            labels.Select(label => (map.TryGetTruthClass(label, out var id), id, map.LeavesOut(label))));
    }

    [Fact]
    public void All_leaves_out_nothing_and_evaluates_the_model_classes_a_mapped_map_drops()
    {
        var map = ClassMap.Create(["person", "bicycle", "car", "truck"], [Merge("pedestrian", "person"), Merge("car", "car")], []);

        Assert.Equal(ClassEvaluation.All, map.Evaluate);
        Assert.Equal(["pedestrian", "bicycle", "car", "truck"], map.EvaluationClasses);
        Assert.True(map.TryGetTruthClass("Truck", out var truck));
        Assert.Equal(3, truck);
        Assert.False(map.LeavesOut("Tram"));
    }

    [Fact]
    public void Mapped_key_that_names_a_model_class_takes_it_without_listing_it()
    {
        var map = ClassMap.Create(["car", "truck"], [Merge("car", "Van")], [], ClassEvaluation.Mapped);

        Assert.Equal(["car"], map.EvaluationClasses);
        Assert.Equal([0, ClassMap.IgnoreRegion], Enumerable.Range(0, 2).Select(map.EvaluationClassOfModelClass));
        Assert.True(map.TryGetTruthClass("van", out var van));
        Assert.Equal(0, van);
    }

    [Fact]
    public void Mapped_without_a_class_map_is_the_one_problem_reported()
    {
        var problems = new List<ClassMapProblem>();

        var map = ClassMap.TryCreate(["car", "truck"], [], [], ClassEvaluation.Mapped, problems);

        Assert.Null(map);
        Assert.Equal(
            new ClassMapProblem(ClassMapProblem.EvaluateField, null, "mapped needs a class_map: its keys are the only classes evaluated"),
            Assert.Single(problems));
    }

    [Fact]
    public void Evaluation_outside_the_enum_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassMap.Create(["car"], [Merge("car", "car")], [], (ClassEvaluation)2));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Model_class_id_outside_the_model_classes_is_rejected(int id)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassMap.Identity(["car", "pedestrian"]).EvaluationClassOfModelClass(id));
    }

    [Fact]
    public void Unknown_labels_are_described_with_the_names_the_scenario_knows()
    {
        var map = ClassMap.Create(["car"], [], ["DontCare"]);

        Assert.Equal(
            "truth labels 'Misc', 'Tram' map to no class (evaluation classes: 'car', ignored: 'DontCare'); name them in the scenario's model.class_map or model.ignore, or evaluate the class_map's classes alone (model.evaluate: mapped)",
            map.DescribeUnknown(["Tram", "Misc", "Tram"]));
    }

    [Theory]
    [InlineData("car,car", "", "", "classes: 'car' is listed twice")]
    [InlineData("car/suv", "", "", "classes: 'car/suv' cannot name an evaluation class")]
    [InlineData("car,truck", "vehicle=truck;lorry=truck", "", "class_map lorry: 'truck' is mapped to both 'vehicle' and 'lorry'")]
    [InlineData("car,truck", "vehicle=truck", "truck", "class_map vehicle: 'truck' is also listed in ignore")]
    [InlineData("car,truck", "car=truck;truck=car", "", "class_map car: 'truck' is an evaluation class of its own")]
    [InlineData("car", "vehicle=Van", "", "class_map vehicle: no model class maps to 'vehicle'")]
    [InlineData("car", "a/b=car", "", "class_map a/b: 'a/b' cannot name an evaluation class")]
    [InlineData("car", "", "car", "ignore: every model class is ignored")]
    [InlineData("car,truck", "vehicle=car,truck", "vehicle", "ignore: 'vehicle' is an evaluation class in class_map")]
    public void Inconsistent_maps_are_rejected_naming_the_field_and_the_names(string classes, string merges, string ignored, string expected)
    {
        var problems = new List<ClassMapProblem>();

        var map = ClassMap.TryCreate(Split(classes, ','), ParseMerges(merges), Split(ignored, ','), ClassEvaluation.All, problems);

        Assert.Null(map);
        Assert.Contains(problems, p => $"{p.Field}{(p.Key is null ? "" : " " + p.Key)}: {p.Message}".StartsWith(expected, StringComparison.Ordinal));
    }

    private static KeyValuePair<string, IReadOnlyList<string>> Merge(string target, params string[] names) => KeyValuePair.Create(target, (IReadOnlyList<string>)names);

    private static string[] Split(string text, char separator) => text.Split(separator, StringSplitOptions.RemoveEmptyEntries);

    private static List<KeyValuePair<string, IReadOnlyList<string>>> ParseMerges(string text) =>
        [.. Split(text, ';').Select(entry => entry.Split('=')).Select(parts => Merge(parts[0], Split(parts[1], ',')))];
}
