namespace Harness.Scenarios;

/// <summary>The model's classes, <c>class_map</c> and <c>ignore</c> of a scenario's <c>model</c> section.</summary>
public static partial class ScenarioLoader
{
    private static ClassMap? ReadClasses(YamlMappingReader model, IReadOnlyList<string> classes)
    {
        var classMap = model.Mapping("class_map");
        var merges = classMap?.NameLists() ?? [];
        var ignored = model.Strings("ignore");
        var problems = new List<ClassMapProblem>();
        var map = ClassMap.TryCreate(classes, merges, ignored, problems);
        foreach (var problem in problems)
        {
            if (problem.Key is { } key && classMap is not null)
            {
                classMap.Error(key, problem.Message);
            }
            else
            {
                model.Error(problem.Field, problem.Message);
            }
        }

        return map;
    }
}
