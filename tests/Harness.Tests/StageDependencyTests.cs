using System.Reflection;
using System.Reflection.Emit;
using Harness.Suite;

namespace Harness.Tests;

/// <summary>
/// The stages (<c>Harness.&lt;Stage&gt;</c> namespaces) depend on each other one way: the graph of which stage's types
/// use which other stage's is acyclic, the shared types in the root namespace <c>Harness</c> use no stage, and Gate
/// and Reporting read result bundles, never the runner's types. Every type a stage's code names, in signatures and
/// in method bodies (lambdas and iterators included, as the compiler-generated types they become), is collected from
/// the compiled assemblies (Core, Recordings, Reference: a stage may span them, as Clips does), so a use the compiler
/// resolved through a <c>using</c> counts too. The assemblies themselves depend one way: Reference on Recordings on
/// Core, which finds their formats and sources through registries.
/// </summary>
public sealed class StageDependencyTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(op => op.Value);

    [Theory]
    [InlineData("Harness.Gate")]
    [InlineData("Harness.Reporting")]
    public void Stage_uses_no_type_of_Running(string stage)
    {
        Assert.Empty(TypesUsedBy(stage).Where(t => InNamespace(t, "Harness.Running")).Select(t => t.FullName).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_stage_graph_has_no_cycle()
    {
        var edges = StageEdges();
        var cycles = StronglyConnected(edges).Where(component => component.Count > 1).ToList();

        Assert.True(cycles.Count == 0, string.Join("\n", cycles.Select(component => Describe(component, edges))));
    }

    [Theory]
    [InlineData("Harness.Core", new string[0])]
    [InlineData("Harness.Recordings", new[] { "Harness.Core" })]
    [InlineData("Harness.Reference", new[] { "Harness.Core", "Harness.Recordings" })]
    public void Assemblies_reference_only_those_below_them(string assembly, string[] allowed)
    {
        var harness = Assemblies.Single(a => a.GetName().Name == assembly).GetReferencedAssemblies()
            .Select(a => a.Name!).Where(name => name.StartsWith("Harness", StringComparison.Ordinal));

        Assert.Equal(allowed, harness.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_shared_root_types_use_no_stage()
    {
        var used = Core.GetTypes().Where(t => t.Namespace == "Harness")
            .SelectMany(t => UsedBy(t).SelectMany(Expand).Where(u => StageOf(u) is not null).Select(u => $"{Outermost(t).Name} uses {u.FullName}"))
            .Distinct().Order(StringComparer.Ordinal);

        Assert.Empty(used);
    }

    /// <summary>The graph scan finds a cycle where there is one: the describer names both directions' types.</summary>
    [Fact]
    public void A_cycle_is_reported_with_the_types_that_make_it()
    {
        var edges = new Dictionary<string, Dictionary<string, string>>
        {
            ["A"] = new() { ["B"] = "A.X uses B.Y" },
            ["B"] = new() { ["C"] = "B.Y uses C.Z" },
            ["C"] = new() { ["A"] = "C.Z uses A.X" },
            ["D"] = new() { ["A"] = "D.W uses A.X" },
        };

        var cycles = StronglyConnected(edges).Where(component => component.Count > 1).ToList();

        var cycle = Assert.Single(cycles);
        Assert.Equal(["A", "B", "C"], cycle.Order(StringComparer.Ordinal));
        Assert.Equal("cycle A, B, C: A -> B (A.X uses B.Y); B -> C (B.Y uses C.Z); C -> A (C.Z uses A.X)", Describe(cycle, edges));
    }

    /// <summary>The scan finds what is there: the suite replays scenarios through the runner.</summary>
    [Fact]
    public void Suite_uses_the_runner()
    {
        Assert.Contains("Harness.Running.ScenarioRunner", TypesUsedBy("Harness.Suite").Select(t => t.FullName));
    }

    private static Assembly Core => typeof(GateSuite).Assembly;

    private static Assembly[] Assemblies { get; } = [Core, typeof(RecordingFormats).Assembly, typeof(ReferenceSources).Assembly];

    /// <summary>The stage a type of the library belongs to (<c>Metrics</c> for <c>Harness.Metrics.Bootstrap</c>), or null outside them.</summary>
    private static string? StageOf(Type type) =>
        Assemblies.Contains(type.Assembly) && type.Namespace is { } ns && ns.StartsWith("Harness.", StringComparison.Ordinal) ? ns.Split('.')[1] : null;

    private static Type Outermost(Type type) => type.DeclaringType is { } declaring ? Outermost(declaring) : type;

    /// <summary>Per stage, the stages it uses, each with one example: which of its types uses which of theirs.</summary>
    private static Dictionary<string, Dictionary<string, string>> StageEdges()
    {
        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in Assemblies.SelectMany(a => a.GetTypes()).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (StageOf(type) is not { } from)
            {
                continue;
            }

            foreach (var used in UsedBy(type).SelectMany(Expand))
            {
                if (StageOf(used) is { } to && to != from)
                {
                    var targets = edges.TryGetValue(from, out var known) ? known : edges[from] = new Dictionary<string, string>(StringComparer.Ordinal);
                    targets.TryAdd(to, $"{Outermost(type).FullName} uses {Outermost(used).FullName}");
                }
            }
        }

        return edges;
    }

    /// <summary>Tarjan's strongly connected components: a component of more than one stage is a cycle.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, Dictionary<string, string>> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var components = new List<List<string>>();

        void Visit(string stage)
        {
            index[stage] = low[stage] = index.Count;
            stack.Push(stage);
            foreach (var next in edges.TryGetValue(stage, out var targets) ? targets.Keys.Order(StringComparer.Ordinal).ToList() : [])
            {
                if (!index.TryGetValue(next, out var visited))
                {
                    Visit(next);
                    low[stage] = Math.Min(low[stage], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[stage] = Math.Min(low[stage], visited);
                }
            }

            if (low[stage] == index[stage])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != stage);
                components.Add(component);
            }
        }

        foreach (var stage in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(stage))
            {
                Visit(stage);
            }
        }

        return components;
    }

    private static string Describe(List<string> component, Dictionary<string, Dictionary<string, string>> edges)
    {
        var members = component.Order(StringComparer.Ordinal).ToList();
        var inside = members.SelectMany(from => edges.TryGetValue(from, out var targets)
            ? targets.Where(t => members.Contains(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{from} -> {t.Key} ({t.Value})")
            : []);
        return $"cycle {string.Join(", ", members)}: {string.Join("; ", inside)}";
    }

    private static bool InNamespace(Type type, string name) =>
        type.Namespace is { } ns && (ns == name || ns.StartsWith(name + ".", StringComparison.Ordinal));

    private static IEnumerable<Type> TypesUsedBy(string stage) =>
        Assemblies.SelectMany(a => a.GetTypes()).Where(t => InNamespace(t, stage)).SelectMany(UsedBy).SelectMany(Expand);

    private static IEnumerable<Type> UsedBy(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var used in type.GetInterfaces()
            .Concat(type.GetFields(Declared).Select(f => f.FieldType))
            .Concat(type.GetProperties(Declared).Select(p => p.PropertyType)))
        {
            yield return used;
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }

            if (method is MethodInfo { ReturnType: var returned })
            {
                yield return returned;
            }

            foreach (var used in InBody(method))
            {
                yield return used;
            }
        }
    }

    /// <summary>The types of every method, field and type token the method's IL refers to.</summary>
    private static IEnumerable<Type> InBody(MethodBase method)
    {
        if (method.GetMethodBody()?.GetILAsByteArray() is not { } il)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var op = il[at] == 0xFE ? OpCodesByValue[unchecked((short)(0xFE00 | il[at + 1]))] : OpCodesByValue[il[at]];
            at += op.Size;
            if (op.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                switch (method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments))
                {
                    case Type type:
                        yield return type;
                        break;
                    case FieldInfo field:
                        yield return field.DeclaringType!;
                        yield return field.FieldType;
                        break;
                    case MethodBase called:
                        yield return called.DeclaringType!;
                        break;
                }
            }

            at += OperandSize(op.OperandType, il, at);
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.IsGenericParameter)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var element in Expand(type.GetElementType()!))
            {
                yield return element;
            }

            yield break;
        }

        yield return type;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return argument;
            }
        }
    }
}
