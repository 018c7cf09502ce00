namespace Harness.Scenarios;

/// <summary>
/// The problems one build of a scenario finds, each named by its YAML field (<c>model.input.width</c>): every section
/// adds to the same list, so one build reports them all, in the order the sections check them.
/// </summary>
internal sealed class FieldProblems
{
    private readonly List<FieldProblem> _problems = [];

    /// <summary>How many so far: a section compares counts to know whether its own checks found any.</summary>
    public int Count => _problems.Count;

    public IReadOnlyList<FieldProblem> All => _problems;

    public void Add(string field, string message) => _problems.Add(new FieldProblem(field, message));
}
