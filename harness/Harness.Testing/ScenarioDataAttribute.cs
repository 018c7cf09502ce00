using System.Reflection;
using Xunit.Sdk;

namespace Harness.Testing;

/// <summary>
/// Theory data: the id of every scenario with <see cref="Tag"/>, one test case each. A tag no scenario carries skips
/// the theory (saying so) instead of failing it with xunit's "no data found".
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ScenarioDataAttribute(string tag) : DataAttribute
{
    private string? _skip;

    public string Tag { get; } = tag;

    public override string? Skip
    {
        get => _skip ?? (ScenarioCatalog.Tagged(Tag).Count == 0 ? $"no scenario in {ScenarioCatalog.Repository.Scenarios} is tagged '{Tag}'" : null);
        set => _skip = value;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => ScenarioCatalog.Tagged(Tag).Select(id => new object[] { id });
}
