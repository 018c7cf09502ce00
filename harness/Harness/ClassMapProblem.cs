namespace Harness;

/// <summary>
/// One inconsistency in a scenario's classes: the field it is in (<c>classes</c>, <c>class_map</c>, <c>ignore</c> or <c>evaluate</c>)
/// and, for <c>class_map</c>, the evaluation class whose entry holds it, so the loader can point at its line.
/// </summary>
internal readonly record struct ClassMapProblem(string Field, string? Key, string Message)
{
    public const string ClassesField = "classes";
    public const string ClassMapField = "class_map";
    public const string IgnoreField = "ignore";
    public const string EvaluateField = "evaluate";
}
