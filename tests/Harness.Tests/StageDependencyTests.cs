using System.Reflection;
using System.Reflection.Emit;
using Harness.Suite;

namespace Harness.Tests.Reporting;

/// <summary>
/// Gate and Reporting read result bundles, never the runner's types (issue 11 item 8): every type their code names,
/// in signatures and in method bodies (lambdas and iterators included, as the compiler-generated types they become),
/// is collected from the compiled library, so a use the compiler resolved through a <c>using</c> counts too.
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

    /// <summary>The scan finds what is there: the suite replays scenarios through the runner.</summary>
    [Fact]
    public void Suite_uses_the_runner()
    {
        Assert.Contains("Harness.Running.ScenarioRunner", TypesUsedBy("Harness.Suite").Select(t => t.FullName));
    }

    private static bool InNamespace(Type type, string name) =>
        type.Namespace is { } ns && (ns == name || ns.StartsWith(name + ".", StringComparison.Ordinal));

    private static IEnumerable<Type> TypesUsedBy(string stage) =>
        typeof(GateSuite).Assembly.GetTypes().Where(t => InNamespace(t, stage)).SelectMany(UsedBy).SelectMany(Expand);

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
