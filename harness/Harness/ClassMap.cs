using System.Globalization;

namespace Harness;

/// <summary>
/// How a scenario's model classes and its clip's truth labels become the evaluation classes the metrics count, always
/// by name (case-insensitive), never by position. A name listed under an evaluation class in <see cref="Merges"/>
/// (the scenario's <c>class_map</c>) maps to it; a name in <see cref="Ignored"/> is a model class whose detections are
/// dropped or a truth label that marks an ignore region of every class; any other name is the evaluation class of
/// that name, and a truth label that is none of these is an error. Evaluation class ids follow the model's class
/// order (the first model class to reach each one), so a scenario with neither <c>class_map</c> nor <c>ignore</c>
/// evaluates exactly its model classes, with the same ids. Under <see cref="ClassEvaluation.Mapped"/> only the
/// <c>class_map</c> keys are evaluation classes: a model class that reaches no key is dropped as an ignored one is,
/// and a truth label that reaches no key is left out (<see cref="LeavesOut"/>) instead of being an error.
/// </summary>
public sealed class ClassMap
{
    /// <summary>The evaluation class of a truth label in <see cref="Ignored"/>: an ignore region of every class.</summary>
    public const int IgnoreRegion = -1;

    private readonly int[] _modelToEvaluation;
    private readonly Dictionary<string, int> _byName;

    private ClassMap(IReadOnlyList<string> modelClasses, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> merges,
        IReadOnlyList<string> ignored, ClassEvaluation evaluate, IReadOnlyList<string> evaluationClasses, int[] modelToEvaluation, Dictionary<string, int> byName)
    {
        ModelClasses = modelClasses;
        Merges = merges;
        Ignored = ignored;
        Evaluate = evaluate;
        EvaluationClasses = evaluationClasses;
        _modelToEvaluation = modelToEvaluation;
        _byName = byName;
    }

    /// <summary>The model's classes in output order: a detection's class id indexes this list.</summary>
    public IReadOnlyList<string> ModelClasses { get; }

    /// <summary>The classes metrics are computed over; truth boxes and mapped detections carry ids into this list.</summary>
    public IReadOnlyList<string> EvaluationClasses { get; }

    /// <summary>Each evaluation class of the scenario's <c>class_map</c> with the model classes and truth labels mapped onto it.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Merges { get; }

    /// <summary>Model classes whose detections are dropped and truth labels that are ignore regions.</summary>
    public IReadOnlyList<string> Ignored { get; }

    /// <summary>Whether every class the model's classes reach is evaluated, or only the <c>class_map</c> keys.</summary>
    public ClassEvaluation Evaluate { get; }

    /// <summary>True when every model class is its own evaluation class (no <c>class_map</c>, no <c>ignore</c>).</summary>
    public bool IsIdentity => Merges.Count == 0 && Ignored.Count == 0;

    /// <summary>Every model class evaluated as itself.</summary>
    /// <exception cref="ArgumentException">The classes are empty, repeated, or unusable as metric names.</exception>
    public static ClassMap Identity(IReadOnlyList<string> modelClasses) => Create(modelClasses, [], []);

    /// <exception cref="ArgumentException">The map is inconsistent (or <see cref="ClassEvaluation.Mapped"/> has no merges to evaluate); the message lists every problem.</exception>
    public static ClassMap Create(IReadOnlyList<string> modelClasses, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> merges, IReadOnlyList<string> ignored,
        ClassEvaluation evaluate = ClassEvaluation.All)
    {
        var problems = new List<ClassMapProblem>();
        return TryCreate(modelClasses, merges, ignored, evaluate, problems)
            ?? throw new ArgumentException(string.Join("; ", problems.Select(p => p.Message)), nameof(merges));
    }

    /// <summary>The map, or null with every problem added to <paramref name="problems"/> (the scenario loader locates each in the file).</summary>
    internal static ClassMap? TryCreate(IReadOnlyList<string> modelClasses, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> merges,
        IReadOnlyList<string> ignored, ClassEvaluation evaluate, List<ClassMapProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(modelClasses);
        ArgumentNullException.ThrowIfNull(merges);
        ArgumentNullException.ThrowIfNull(ignored);
        if (!Enum.IsDefined(evaluate))
        {
            throw new ArgumentOutOfRangeException(nameof(evaluate), evaluate, "not a ClassEvaluation");
        }

        var before = problems.Count;
        var mappedOnly = evaluate == ClassEvaluation.Mapped;
        if (mappedOnly && merges.Count == 0)
        {
            problems.Add(new ClassMapProblem(ClassMapProblem.EvaluateField, null, "mapped needs a class_map: its keys are the only classes evaluated"));
        }

        var targets = CheckNames(modelClasses, merges, ignored, problems);
        var keys = merges.Select(m => m.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var evaluation = new List<string>();
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var modelToEvaluation = new int[modelClasses.Count];
        for (var m = 0; m < modelClasses.Count; m++)
        {
            var name = modelClasses[m];
            if (ignored.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                modelToEvaluation[m] = IgnoreRegion;
                continue;
            }

            var target = targets.TryGetValue(name, out var merged) ? merged : name;
            if (mappedOnly && !keys.Contains(target))
            {
                // Dropped as an ignored class is, but kept out of the names: its same-named truth label (KITTI's Truck
                // for COCO's truck) is then left out, not made an ignore region.
                modelToEvaluation[m] = IgnoreRegion;
                continue;
            }

            if (!byName.TryGetValue(target, out var id))
            {
                if (!IsMetricName(target))
                {
                    problems.Add(new ClassMapProblem(ClassMapProblem.ClassesField, null, $"'{target}' cannot name an evaluation class: it must be non-empty and free of '/' (it becomes part of metric names); map it to another name in class_map or ignore it"));
                }

                id = evaluation.Count;
                evaluation.Add(target);
                byName[target] = id;
            }

            modelToEvaluation[m] = id;
        }

        foreach (var (target, _) in merges.Where(merge => !byName.ContainsKey(merge.Key)))
        {
            problems.Add(new ClassMapProblem(ClassMapProblem.ClassMapField, target, $"no model class maps to '{target}' (model classes: {List(modelClasses)}): its truth could only ever be missed"));
        }

        // Mapped evaluates at least the class_map's keys, each reached by some model class or reported above.
        if (evaluation.Count == 0 && modelClasses.Count > 0 && !mappedOnly)
        {
            problems.Add(new ClassMapProblem(ClassMapProblem.IgnoreField, null, "every model class is ignored: nothing is left to evaluate"));
        }

        if (problems.Count > before)
        {
            return null;
        }

        foreach (var (label, target) in targets)
        {
            byName[label] = byName[target];
        }

        foreach (var label in ignored)
        {
            byName[label] = IgnoreRegion;
        }

        return new ClassMap([.. modelClasses], [.. merges.Select(m => KeyValuePair.Create(m.Key, (IReadOnlyList<string>)[.. m.Value]))], [.. ignored], evaluate,
            evaluation, modelToEvaluation, byName);
    }

    /// <summary>The evaluation class of a model class id, or <see cref="IgnoreRegion"/> when its detections are dropped.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id is not an index into <see cref="ModelClasses"/>.</exception>
    public int EvaluationClassOfModelClass(int modelClassId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(modelClassId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(modelClassId, _modelToEvaluation.Length);
        return _modelToEvaluation[modelClassId];
    }

    /// <summary>
    /// The one lookup every clip reader routes its truth labels through: the evaluation class of <paramref name="label"/>,
    /// or <see cref="IgnoreRegion"/> for an ignored label. False for a label the scenario does not name: an error
    /// (see <see cref="DescribeUnknown"/>) unless <see cref="LeavesOut"/>.
    /// </summary>
    public bool TryGetTruthClass(string label, out int evaluationClassId) => _byName.TryGetValue(label, out evaluationClassId);

    /// <summary>
    /// Whether a truth label <see cref="TryGetTruthClass"/> does not know is left out of the metrics, as KITTI's
    /// evaluation leaves out the types it does not evaluate: neither an object to find nor an ignore region, so a
    /// detection on it counts as a false positive. Only under <see cref="ClassEvaluation.Mapped"/>; a reader
    /// asks it after its own rules (KITTI's DontCare and neighbour classes), which keep their meaning.
    /// </summary>
    public bool LeavesOut(string label) => Evaluate == ClassEvaluation.Mapped && !_byName.ContainsKey(label);

    /// <summary>Why truth labels that <see cref="TryGetTruthClass"/> does not know cannot be scored, and how to fix it.</summary>
    public string DescribeUnknown(IEnumerable<string> labels)
    {
        var unknown = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var ignoredPart = Ignored.Count > 0 ? $", ignored: {List(Ignored)}" : "";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"truth label{(unknown.Count == 1 ? "" : "s")} {List(unknown)} map{(unknown.Count == 1 ? "s" : "")} to no class (evaluation classes: {List(EvaluationClasses)}{ignoredPart}); name {(unknown.Count == 1 ? "it" : "them")} in the scenario's model.class_map or model.ignore, or evaluate the class_map's classes alone (model.evaluate: mapped)");
    }

    private static Dictionary<string, string> CheckNames(IReadOnlyList<string> modelClasses,
        IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> merges, IReadOnlyList<string> ignored, List<ClassMapProblem> problems)
    {
        if (modelClasses.Count == 0)
        {
            problems.Add(new ClassMapProblem(ClassMapProblem.ClassesField, null, "must name at least one class"));
        }

        foreach (var repeated in Repeated(modelClasses))
        {
            problems.Add(new ClassMapProblem(ClassMapProblem.ClassesField, null, $"'{repeated}' is listed twice (names are compared ignoring case)"));
        }

        foreach (var empty in modelClasses.Where(string.IsNullOrWhiteSpace))
        {
            problems.Add(new ClassMapProblem(ClassMapProblem.ClassesField, null, $"'{empty}' is not a class name"));
        }

        var targets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var evaluationNames = merges.Select(m => m.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (target, names) in merges)
        {
            if (!IsMetricName(target))
            {
                problems.Add(new ClassMapProblem(ClassMapProblem.ClassMapField, target, $"'{target}' cannot name an evaluation class: it must be non-empty and free of '/' (it becomes part of metric names)"));
            }

            foreach (var name in names)
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    problems.Add(new ClassMapProblem(ClassMapProblem.ClassMapField, target, $"'{name}' is not a class name"));
                }
                else if (targets.TryGetValue(name, out var other))
                {
                    problems.Add(new ClassMapProblem(ClassMapProblem.ClassMapField, target, $"'{name}' is mapped to both '{other}' and '{target}'"));
                }
                else if (evaluationNames.Contains(name) && !string.Equals(name, target, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(new ClassMapProblem(ClassMapProblem.ClassMapField, target, $"'{name}' is an evaluation class of its own and cannot also map to '{target}'"));
                }
                else if (ignored.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add(new ClassMapProblem(ClassMapProblem.ClassMapField, target, $"'{name}' is also listed in ignore"));
                }
                else
                {
                    targets[name] = target;
                }
            }
        }

        foreach (var repeated in Repeated(ignored))
        {
            problems.Add(new ClassMapProblem(ClassMapProblem.IgnoreField, null, $"'{repeated}' is listed twice"));
        }

        foreach (var name in ignored)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                problems.Add(new ClassMapProblem(ClassMapProblem.IgnoreField, null, $"'{name}' is not a class name"));
            }
            else if (evaluationNames.Contains(name))
            {
                problems.Add(new ClassMapProblem(ClassMapProblem.IgnoreField, null, $"'{name}' is an evaluation class in class_map and cannot also be ignored"));
            }
        }

        return targets;
    }

    private static IEnumerable<string> Repeated(IEnumerable<string> names) =>
        names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);

    private static bool IsMetricName(string name) => !string.IsNullOrWhiteSpace(name) && !name.Contains('/', StringComparison.Ordinal);

    private static string List(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
